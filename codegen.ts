import type { CodegenConfig } from '@graphql-codegen/cli';

// One schema, assembled from every module's schema.graphql, types the server's resolvers
// (and, from the web issue on, the client's operations).
const config: CodegenConfig = {
  schema: 'services/api/src/**/schema.graphql',
  generates: {
    'services/api/src/graphql/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.js#Context',
        // Resolvers receive database rows; field resolvers and loaders map them to the schema.
        mappers: {
          User: '../../modules/identity/service.js#UserRow',
          Tenant: '../../modules/tenancy/service.js#TenantRow',
          Network: '../../modules/tenancy/service.js#NetworkRow',
          Membership: '../../modules/tenancy/service.js#MembershipRow',
          Trade: '../../db/rows.js#TradeRow',
          Programme: '../../db/rows.js#ProgrammeRow',
          Cohort: '../../db/rows.js#CohortRow',
          Person: '../../db/rows.js#PersonRow',
          Enrollment: '../../db/rows.js#EnrollmentRow',
          EnrollmentEvent: '../../db/rows.js#EnrollmentEventRow',
          ApplicantImport: '../../db/rows.js#ApplicantImportRow',
          Host: '../../db/rows.js#HostRow',
          Placement: '../../db/rows.js#PlacementRow',
          PlacementEvent: '../../db/rows.js#PlacementEventRow',
          Holiday: '../../db/rows.js#HolidayRow',
          ClassSession: '../../db/rows.js#ClassSessionRow',
          Attendance: '../../db/rows.js#AttendanceRow',
          AttendanceEvent: '../../db/rows.js#AttendanceEventRow',
          CalendarFeed: '../../db/rows.js#CalendarFeedRow',
          Course: '../../db/rows.js#CourseRow',
          CourseSession: '../../db/rows.js#CourseSessionRow',
          Registration: '../../db/rows.js#RegistrationRow',
          CourseAttendance: '../../db/rows.js#CourseAttendanceRow',
          Assessment: '../../db/rows.js#AssessmentRow',
          Graduation: '../../db/rows.js#GraduationRow',
          Certificate: '../../db/rows.js#CertificateRow',
          Outcome: '../../db/rows.js#OutcomeRow',
          Call: '../../db/rows.js#CallRow',
          CallCategory: '../../db/rows.js#CallCategoryRow',
          CallCriterion: '../../db/rows.js#CallCriterionRow',
          CallJuror: '../../db/rows.js#CallJurorRow',
          Application: '../../db/rows.js#ApplicationRow',
          ApplicationDocument: '../../db/rows.js#ApplicationDocumentRow',
          JurorConflict: '../../db/rows.js#JurorConflictRow',
          Evaluation: '../../db/rows.js#EvaluationRow',
          Venture: '../../db/rows.js#VentureRow',
          VentureEvent: '../../db/rows.js#VentureEventRow',
          VentureFunding: '../../db/rows.js#VentureFundingRow',
          VentureJobs: '../../db/rows.js#VentureJobsRow',
          SurvivalCheck: '../../db/rows.js#SurvivalCheckRow',
          CoachingSession: '../../db/rows.js#CoachingSessionRow',
        },
        enumsAsTypes: true,
        scalars: { DateTime: 'Date', Date: 'string' },
      },
    },
    // The web client: typed operations and fragments written next to the components that use them.
    'web/src/gql/': {
      documents: 'web/src/**/*.tsx',
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'readFragment' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
