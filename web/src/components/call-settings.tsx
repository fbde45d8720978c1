import { graphql } from '../gql';

/**
 * What staff set a call up with, and the counts shown beside it: the call's page shows it, the
 * set-up form edits it, and the update answers with it so the page is current at once. (A .tsx
 * file: the client's documents are read from .tsx files only.)
 */
export const CallSettingsFragment = graphql(`
  fragment CallSettings_CallFragment on Call {
    id
    kind
    titleFr
    titleAr
    description
    opensOn
    closesOn
    status
    minAge
    maxAge
    applicantKinds
    requiredDocuments
    provinces
    scoreMin
    scoreMax
    cohort {
      id
      label
    }
    categories {
      id
      nameFr
      nameAr
      places
      applicationCount
    }
    criteria {
      id
      nameFr
      nameAr
      weight
    }
  }
`);
