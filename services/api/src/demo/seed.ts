import type { Database } from '../db/connect.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../modules/identity/password.js';
import { seedCalls } from './calls.js';
import { seedCraftEnrollment } from './craft-enrollment.js';
import { seedCraftGraduation } from './craft-graduation.js';
import { seedCraftTimetable } from './craft-timetable.js';
import { DEMO_PASSWORD, type DemoAccount, type DemoTenant } from './demo-tenant.js';
import { seedIncubator } from './incubators.js';
import { seedMicrocreditTrainings } from './microcredit-trainings.js';

export { DEMO_PASSWORD, type DemoAccount } from './demo-tenant.js';

const CODE_SECRET = 'one-time code (see the log)';

type Kind = 'CRAFT_CENTRE' | 'INCUBATOR' | 'MICROCREDIT_CENTRE';

// The foundation's tenants as its 2024 activity report lists them.
const TENANTS: {
  slug: string;
  kind: Kind;
  name: string;
  nameAr: string;
  city: string;
  locale: 'ar-MA' | 'fr-MA';
}[] = [
  {
    slug: 'fes',
    kind: 'CRAFT_CENTRE',
    name: 'Centre de formation par apprentissage aux métiers de l’artisanat de Fès',
    nameAr: 'مركز التكوين بالتدرج المهني في حرف الصناعة التقليدية بفاس',
    city: 'Fès',
    locale: 'ar-MA',
  },
  {
    slug: 'sale',
    kind: 'CRAFT_CENTRE',
    name: 'Centre de formation par apprentissage aux métiers de l’artisanat de Salé',
    nameAr: 'مركز التكوين بالتدرج المهني في حرف الصناعة التقليدية بسلا',
    city: 'Salé',
    locale: 'ar-MA',
  },
  {
    slug: 'marrakech',
    kind: 'CRAFT_CENTRE',
    name: 'Centre de formation par apprentissage aux métiers de l’artisanat de Marrakech',
    nameAr: 'مركز التكوين بالتدرج المهني في حرف الصناعة التقليدية بمراكش',
    city: 'Marrakech',
    locale: 'ar-MA',
  },
  {
    slug: 'incubateur-casablanca',
    kind: 'INCUBATOR',
    name: 'Centre des micro-entreprises solidaires de Casablanca',
    nameAr: 'مركز المقاولات الصغرى التضامنية بالدار البيضاء',
    city: 'Casablanca',
    locale: 'fr-MA',
  },
  {
    slug: 'incubateur-fes',
    kind: 'INCUBATOR',
    name: 'Centre des micro-entreprises solidaires de Fès',
    nameAr: 'مركز المقاولات الصغرى التضامنية بفاس',
    city: 'Fès',
    locale: 'fr-MA',
  },
  {
    slug: 'incubateur-oujda',
    kind: 'INCUBATOR',
    name: 'Centre des micro-entreprises solidaires d’Oujda',
    nameAr: 'مركز المقاولات الصغرى التضامنية بوجدة',
    city: 'Oujda',
    locale: 'fr-MA',
  },
  {
    slug: 'incubateur-numerique-sale',
    kind: 'INCUBATOR',
    name: 'Incubateur numérique de Salé',
    nameAr: 'الحاضنة الرقمية بسلا',
    city: 'Salé',
    locale: 'fr-MA',
  },
  {
    slug: 'microcredit-casablanca',
    kind: 'MICROCREDIT_CENTRE',
    name: 'Centre d’appui au microcrédit de Casablanca',
    nameAr: 'مركز دعم القروض الصغرى بالدار البيضاء',
    city: 'Casablanca',
    locale: 'fr-MA',
  },
];

/**
 * Gives a graduate of the centre an account (the first woman by certificate, then by name): her
 * person record and a TRAINEE role.
 */
async function linkGraduate(owner: Database, tenantId: string, userId: string): Promise<void> {
  await withTenant(owner, tenantId, async (tx) => {
    const graduate = await tx
      .selectFrom('certificate')
      .innerJoin('person', 'person.id', 'certificate.person_id')
      .select('person.id')
      .where('person.sex', '=', 'F')
      .where('person.user_id', 'is', null)
      .orderBy('certificate.issued_on')
      .orderBy('person.last_name_latin')
      .orderBy('person.id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('person').set({ user_id: userId }).where('id', '=', graduate.id).execute();
    await tx
      .insertInto('membership')
      .values({ tenant_id: tenantId, id: newId(), user_id: userId, role: 'TRAINEE' })
      .execute();
  });
}

/**
 * Loads the demo network into an empty database (as the owner role). Returns nothing when the
 * database already holds a network: demo data is loaded once and never over real data.
 */
export async function seedDemoData(owner: Database): Promise<DemoAccount[] | null> {
  const existing = await owner.selectFrom('network').select('id').limit(1).executeTakeFirst();
  if (existing) return null;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const networkId = newId();
  await owner
    .insertInto('network')
    .values({ id: networkId, name: 'Réseau des centres de la Fondation', name_ar: 'شبكة مراكز المؤسسة' })
    .execute();

  const accounts: DemoAccount[] = [];
  const networkAdminId = newId();
  await owner
    .insertInto('app_user')
    .values({
      id: networkAdminId,
      display_name: 'Administration du réseau',
      email: 'reseau@demo.maalem.ma',
      password_hash: passwordHash,
      locale: 'fr-MA',
    })
    .execute();
  accounts.push({
    who: 'network admin (all centres)',
    signIn: 'reseau@demo.maalem.ma',
    secret: DEMO_PASSWORD,
  });

  for (const tenant of TENANTS) {
    const tenantId = newId();
    await owner
      .insertInto('tenant')
      .values({
        id: tenantId,
        network_id: networkId,
        kind: tenant.kind,
        name: tenant.name,
        name_ar: tenant.nameAr,
        city: tenant.city,
        locale: tenant.locale,
      })
      .execute();
    const directorId = newId();
    const email = `directeur.${tenant.slug}@demo.maalem.ma`;
    await owner
      .insertInto('app_user')
      .values({
        id: directorId,
        display_name: `Direction — ${tenant.city}`,
        email,
        password_hash: passwordHash,
        locale: tenant.locale,
      })
      .execute();
    accounts.push({ who: `director, ${tenant.name}`, signIn: email, secret: DEMO_PASSWORD });

    const members: { userId: string; role: string; hostId?: string }[] = [
      { userId: directorId, role: 'DIRECTOR' },
      { userId: networkAdminId, role: 'NETWORK_ADMIN' },
    ];
    // People with only a phone sign in with a one-time code printed in the development log.
    const phoneUser = async (name: string, phone: string) => {
      const userId = newId();
      await owner
        .insertInto('app_user')
        .values({ id: userId, display_name: name, phone, locale: 'ar-MA' })
        .execute();
      return userId;
    };
    let traineeUserId: string | undefined;
    if (tenant.slug === 'fes') {
      const coordinatorId = newId();
      const coordinatorEmail = 'coordination.fes@demo.maalem.ma';
      await owner
        .insertInto('app_user')
        .values({
          id: coordinatorId,
          display_name: 'Coordination — Fès',
          email: coordinatorEmail,
          password_hash: passwordHash,
          locale: 'fr-MA',
        })
        .execute();
      members.push({ userId: coordinatorId, role: 'COORDINATOR' });
      accounts.push({ who: 'coordinator, Fès', signIn: coordinatorEmail, secret: DEMO_PASSWORD });
      traineeUserId = await phoneUser('سلمى — متدربة في النسيج', '+212661000002');
      members.push({ userId: traineeUserId, role: 'TRAINEE' });
    }

    if (tenant.kind === 'CRAFT_CENTRE') {
      const demoHosts = await seedCraftEnrollment(owner, tenantId, tenant.slug, {
        directorId,
        traineeUserId,
        phoneBase: 11_000_000 + accounts.length * 100_000,
      });
      if (demoHosts && tenant.slug === 'fes') {
        const artisanId = await phoneUser('المعلم إدريس — ورشة النسيج', '+212661000001');
        members.push({ userId: artisanId, role: 'HOST_ARTISAN', hostId: demoHosts.demoHostId });
        accounts.push({ who: 'host artisan, Fès', signIn: '+212661000001', secret: CODE_SECRET });
        accounts.push({ who: 'trainee, Fès', signIn: '+212661000002', secret: CODE_SECRET });
      }
      // Every craft centre's other demo workshops get an artisan who signs in by code too.
      for (const [index, host] of (demoHosts?.otherArtisanHosts ?? []).entries()) {
        const phone = `+2126620${String(accounts.length).padStart(2, '0')}${String(index).padStart(3, '0')}`;
        members.push({
          userId: await phoneUser(`المعلم — ${host.name}`, phone),
          role: 'HOST_ARTISAN',
          hostId: host.hostId,
        });
        accounts.push({ who: `host artisan, ${tenant.city}`, signIn: phone, secret: CODE_SECRET });
      }
    }

    // Row-level security is forced on the owner too: tenant rows are written in their tenant's scope.
    await withTenant(owner, tenantId, (tx) =>
      tx
        .insertInto('membership')
        .values(
          members.map((m) => ({
            tenant_id: tenantId,
            id: newId(),
            user_id: m.userId,
            role: m.role,
            host_id: m.hostId ?? null,
          })),
        )
        .execute(),
    );
    if (tenant.kind === 'CRAFT_CENTRE') await seedCraftTimetable(owner, tenantId, directorId);
    if (tenant.kind === 'MICROCREDIT_CENTRE') await seedMicrocreditTrainings(owner, tenantId);
    const demo: DemoTenant = { owner, tenantId, slug: tenant.slug, directorId, passwordHash, accounts };
    if (tenant.kind === 'CRAFT_CENTRE') await seedCraftGraduation(demo);
    if (tenant.slug === 'fes') {
      // A 2024 weaving graduate who signs in by code and finds her certificate.
      const graduateUserId = await phoneUser('خديجة — خريجة النسيج 2025', '+212661000003');
      await linkGraduate(owner, tenantId, graduateUserId);
      accounts.push({
        who: 'graduate, Fès (has a certificate)',
        signIn: '+212661000003',
        secret: CODE_SECRET,
      });
    }
    if (tenant.kind === 'INCUBATOR') await seedIncubator(demo);
    await seedCalls(demo);
  }
  return accounts;
}
