import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { ReportFormat, ReportScope } from '../../graphql/generated/resolvers.js';
import { checkYear } from '../../lib/year.js';
import { reportCentres } from '../followup/integration.js';
import type { ExportFile } from '../indicators/export.js';
import { networksByIds } from '../tenancy/service.js';
import { addCentres, type CentreActivity, computeCentreActivity } from './activity.js';
import { activityCsv, activityXlsx } from './export.js';
import { activityPdf } from './pdf.js';

export interface ActivityReport {
  year: number;
  scope: ReportScope;
  centres: CentreActivity[];
  total: CentreActivity;
}

/**
 * A year's activity report: the current centre (directors, coordinators, network admins), or every
 * craft centre of the caller's network (network admins), each computed in its own transaction and
 * then added up.
 */
export async function activityReport(
  ctx: Context,
  args: { year: number; scope?: ReportScope | null },
): Promise<ActivityReport> {
  const scope = args.scope ?? 'TENANT';
  const year = checkYear(args.year);
  const centres = await reportCentres(ctx, scope, 'activity report');
  const lines: CentreActivity[] = [];
  for (const centre of centres) {
    lines.push(await withTenant(ctx.deps.db, centre.id, (tx) => computeCentreActivity(tx, centre, year)));
  }
  if (scope === 'TENANT') return { year, scope, centres: lines, total: lines[0]! };
  const networkId = centres[0]?.network_id;
  const network = networkId ? (await networksByIds(ctx.deps.db, [networkId])).get(networkId) : undefined;
  return {
    year,
    scope,
    centres: lines,
    total: addCentres(lines, network?.name ?? 'Total', network?.name_ar ?? 'المجموع'),
  };
}

export async function exportActivityReport(
  ctx: Context,
  args: { year: number; scope?: ReportScope | null; format: ReportFormat },
): Promise<ExportFile> {
  const report = await activityReport(ctx, args);
  switch (args.format) {
    case 'CSV':
      return activityCsv(report);
    case 'XLSX':
      return activityXlsx(report);
    case 'PDF':
      return activityPdf(ctx, report);
    default:
      throw new UserError('INVALID_INPUT', 'format');
  }
}
