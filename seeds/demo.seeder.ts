import { ref, type EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Role, type Viewer } from '../src/shared/auth.js';
import { isMoney, toFen } from '../src/shared/money.js';
import { creditCodeCheckCharacter, creditCodeProblem } from '../src/modules/organizations/credit-code.js';
import { Organization, OrganizationKind } from '../src/modules/organizations/organization.entity.js';
import { OrganizationMove } from '../src/modules/organizations/organization-move.entity.js';
import { DistrictMember, Park, ParkMember, ParkStreet } from '../src/modules/places/park.entity.js';
import { Place, PlaceLevel } from '../src/modules/places/place.entity.js';
import { hashPassword } from '../src/modules/people/password.js';
import { Person } from '../src/modules/people/person.entity.js';
import { Program, type Criterion } from '../src/modules/programs/program.entity.js';
import { ProjectMentor } from '../src/modules/projects/project-mentor.entity.js';
import { Project, ProjectStatus } from '../src/modules/projects/project.entity.js';
import { progressOf } from '../src/modules/reports/reports.queries.js';
import { ReportStatus, ServiceReport } from '../src/modules/reports/service-report.entity.js';
import { AssignmentStatus, ReviewAssignment } from '../src/modules/reviews/review-assignment.entity.js';
import { reviewProgress } from '../src/modules/reviews/review-progress.js';
import { ReviewRound, RoundKind } from '../src/modules/reviews/review-round.entity.js';
import { ranking } from '../src/modules/reviews/review.queries.js';
import { FollowUp } from '../src/modules/supervision/follow-up.entity.js';
import { RiskLevel, SupervisionVisit } from '../src/modules/supervision/supervision-visit.entity.js';
import { ActionItem } from '../src/modules/coaching/action-item.entity.js';
import { WORKPLACE_COLUMNS, workplacesOf, worksFor } from '../src/shared/workplaces.js';
import { Acting, SEED_SESSION } from './acting.js';
import { DemoActions } from './demo-actions.js';
import {
  DEMO_LOGINS, DEMO_PASSWORD, DemoClock, ORGANIZATIONS, PARKS, PEOPLE, SOURCE_PLACES, WORKPLACES, cst, cstDate, demoPrograms,
  type DemoAddress, type DemoOrganization, type DemoPerson, type DemoProgram, type ProgramKey,
} from './demo-data.js';
import { MINSHENG_ORGANIZATIONS, MINSHENG_PEOPLE } from './demo-minsheng.js';
import { HENGGANG_DRAFTS, verifyHenggang2022 } from './demo-henggang-2022.js';
import { MINSHENG_FUNDED, MINSHENG_ROUND, OPEN_ROUND, ROADSHOW_ROUND, playDemoStory } from './demo-story.js';

export { DEMO_LOGINS, DEMO_PASSWORD };
export type { DemoLogin } from './demo-data.js';

/** When the sources' organisations and people were "registered" on the platform: before the 2019 call. */
const PLATFORM_START = cst('2019-08-26 09:00');

/** The full credit code: the demo 17-character prefix plus its GB 32100-2015 check character. */
export function demoCreditCode(prefix: string): string {
  return prefix + creditCodeCheckCharacter(prefix);
}

/** Where the story leaves each project the sources name (and the invented ones beside them), as of today. */
const EXPECTED_STATUS: Record<string, ProjectStatus> = {
  // 2019 民生实事: decided in January 2020 (the other four funded projects are checked from the ranking).
  longling: ProjectStatus.APPROVED,
  // 2022 基层社会治理实践项目: all closed with a grade by January 2023.
  danqin: ProjectStatus.CLOSED,
  gongzhi: ProjectStatus.CLOSED,
  shanghu: ProjectStatus.CLOSED,
  // 2022 公益创投大赛: two closed in March 2023, one ended by the December 2022 wave, two not funded.
  jingju: ProjectStatus.CLOSED,
  fanzha: ProjectStatus.CLOSED,
  chaguo: ProjectStatus.TERMINATED,
  xiaodaren: ProjectStatus.REJECTED,
  paotui: ProjectStatus.REJECTED,
  // …and the three coached at 横岗创新园's workshop that never applied (demo-henggang-2022.ts).
  ...Object.fromEntries(Object.keys(HENGGANG_DRAFTS).map((key) => [key, ProjectStatus.DRAFT])),
  // 南山区, last year's call: in delivery now.
  fandu: ProjectStatus.IN_PROGRESS,
  laojiefang: ProjectStatus.IN_PROGRESS,
  jiuye: ProjectStatus.WITHDRAWN,
  // 南山区, the open call: its first batch under review and decided this month.
  funengzhe: ProjectStatus.APPROVED,
  xiangyang: ProjectStatus.CONDITIONALLY_APPROVED,
  loudong: ProjectStatus.REVISION_REQUESTED,
  xinghuo: ProjectStatus.UNDER_REVIEW,
  humiao: ProjectStatus.UNDER_REVIEW,
  nanyuan: ProjectStatus.SUBMITTED,
  xingfu: ProjectStatus.DRAFT,
};

/**
 * Seeds the demo. Organisations, people (one sign-in per role, see DEMO_LOGINS, password
 * DEMO_PASSWORD) and programmes have no lifecycle and are written directly; everything that happens
 * to projects is then played through the API's service functions (demo-story.ts), as the people of
 * the story, at the story's dates. The whole seed is one transaction: a broken rule leaves nothing.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDemo(em, new Date());
  }
}

/**
 * The demo's place tree: the districts › their streets › their communities, created as the
 * organisations' addresses and the sources name them, every name exactly as written, under
 * 广东省 › 深圳市. Clients find the districts with `places(level: DISTRICT)`.
 */
class DemoPlaces {
  private readonly known = new Map<string, Place>();
  private city!: Place;

  private constructor(private readonly em: EntityManager) {}

  /** The tree holding `addresses`, written a level at a time: a place's row names its parent's. */
  static async build(em: EntityManager, addresses: DemoAddress[]): Promise<DemoPlaces> {
    const places = new DemoPlaces(em);
    places.city = places.place(places.place(null, PlaceLevel.PROVINCE, '广东省'), PlaceLevel.CITY, '深圳市');
    await em.flush();
    for (const { district } of addresses) places.place(places.city, PlaceLevel.DISTRICT, district);
    await em.flush();
    for (const { district, street } of addresses) if (street) places.place(places.district(district), PlaceLevel.STREET, street);
    await em.flush();
    for (const address of addresses) places.address(address);
    await em.flush();
    return places;
  }

  /** Every place's ID by its path below the city: 'district/street[/community]'. */
  ids(): Map<string, string> {
    const prefix = `${this.pathOf(this.city)}/`;
    return new Map([...this.paths].filter(([, path]) => path.startsWith(prefix)).map(([place, path]) => [path.slice(prefix.length), place.id]));
  }

  districts(): Place[] {
    return [...this.known.values()].filter((place) => place.level === PlaceLevel.DISTRICT);
  }

  district(name: string): Place {
    return this.find(`${this.pathOf(this.city)}/${name}`);
  }

  address({ district, street, community }: DemoAddress): Place {
    const top = this.district(district);
    const middle = street ? this.place(top, PlaceLevel.STREET, street) : top;
    return community ? this.place(middle, PlaceLevel.COMMUNITY, community) : middle;
  }

  private find(path: string): Place {
    const place = this.known.get(path);
    if (!place) throw new Error(`Demo places: no ${path}`);
    return place;
  }

  private place(parent: Place | null, level: PlaceLevel, name: string): Place {
    const path = parent ? `${this.pathOf(parent)}/${name}` : name;
    let place = this.known.get(path);
    if (!place) {
      place = this.em.create(Place, { name, level, parent, createdAt: PLATFORM_START });
      // A district is its own district (a trigger sets it on insert); below, the parent's.
      if (level === PlaceLevel.DISTRICT) place.district = ref(place);
      else if (parent?.district) place.district = ref(parent.district.getEntity());
      this.known.set(path, place);
      this.paths.set(place, path);
    }
    return place;
  }

  private readonly paths = new Map<Place, string>();
  private pathOf(place: Place): string {
    return this.paths.get(place)!;
  }
}

/** Where a person works, as the Viewer of their requests carries it (see readViewers in src/app/context.ts). */
type Workplaces = Pick<Viewer, 'parkIds' | 'districtIds'>;

/** The seed as of `now`: the present-day chapters (the open call, the projects in delivery) are placed around it. */
export async function seedDemo(em: EntityManager, now: Date): Promise<void> {
  const started = Date.now();
  const clock = new DemoClock(now);
  const programs = demoPrograms(clock);
  const organizations = [...ORGANIZATIONS, ...MINSHENG_ORGANIZATIONS];
  const people = [...PEOPLE, ...MINSHENG_PEOPLE];
  checkDemoData({ organizations, people, programs });
  const passwordHash = await hashPassword(DEMO_PASSWORD); // scrypt is slow: hash once, share it

  await em.transactional(async (tx) => {
    const places = await DemoPlaces.build(tx, [...organizations, ...SOURCE_PLACES]);
    const orgs = new Map<string, Organization>();
    for (const { key, creditCodePrefix, district, street, community, ...fields } of organizations) {
      const place = places.address({ district, street, community });
      orgs.set(key, tx.create(Organization, {
        ...fields,
        place,
        district: place.district!.getEntity(),
        creditCode: creditCodePrefix ? demoCreditCode(creditCodePrefix) : null,
        createdAt: PLATFORM_START,
      }));
    }
    const persons = new Map<string, Person>();
    for (const { key, email, name, roles, organization } of people) {
      persons.set(key, tx.create(Person, {
        email: email.toLowerCase(),
        name,
        passwordHash,
        roles,
        organization: organization ? orgs.get(organization)! : null,
        createdAt: PLATFORM_START,
      }));
    }

    // The parks, and the organisations each coaches: those of the streets it serves; a district's own
    // park also those registered at district level. The rest have no park (see PARKS).
    const parks = new Map<string, Park>();
    for (const { key, name, district, street, streets, operator } of PARKS) {
      const place = places.address({ district, street, community: null });
      const park = tx.create(Park, { name, place, district: places.district(district), operator: operator ? orgs.get(operator)! : null, createdAt: PLATFORM_START });
      for (const served of streets) tx.create(ParkStreet, { park, street: places.address({ district, street: served, community: null }) });
      parks.set(key, park);
    }
    const admin = persons.get('admin')!;
    for (const { key, district, street } of organizations) {
      const found = PARKS.find((p) => p.district === district && (street ? p.streets.includes(street) : p.street === null));
      if (!found) continue;
      const org = orgs.get(key)!;
      org.park = ref(parks.get(found.key)!);
      tx.create(OrganizationMove, { organization: org, fromPark: null, toPark: org.park, movedBy: admin, reason: null, createdAt: PLATFORM_START });
    }

    const saved = new Map<ProgramKey, DemoProgram & { id: string }>();
    const programEntities: Program[] = [];
    for (const { key, district, park, ...fields } of programs) {
      const createdAt = new Date(Math.min(fields.applicationsOpenAt.getTime() - 7 * 86_400_000, clock.now.getTime()));
      const program = tx.create(Program, { ...structuredClone(fields), district: places.district(district), park: park ? parks.get(park)! : null, createdAt });
      saved.set(key, { key, district, park, ...fields, id: program.id });
      programEntities.push(program);
    }

    // Where people work; their viewers carry what a request of theirs would: their own parks and every
    // park of their districts, and their districts, each sorted.
    const workplaces = new Map<string, Workplaces>();
    for (const [key, person] of persons) {
      const { parks: parkKeys, districts: districtNames } = WORKPLACES[key] ?? { parks: [], districts: [] };
      const own = parkKeys.map((k) => parks.get(k)!);
      const districts = districtNames.map((name) => places.district(name));
      for (const park of own) tx.create(ParkMember, { park, person, since: PLATFORM_START });
      for (const district of districts) tx.create(DistrictMember, { district, person, since: PLATFORM_START });
      const overseen = [...parks.values()].filter((park) => districts.includes(park.district.getEntity()));
      workplaces.set(key, {
        parkIds: [...new Set([...own, ...overseen].map((park) => park.id))].sort(),
        districtIds: districts.map((district) => district.id).sort(),
      });
    }
    await tx.flush();

    const viewers = new Map<string, Viewer>(
      [...persons].map(([key, p]) => [key, { id: p.id, roles: [...p.roles], organizationId: p.organization?.id ?? null, sessionId: SEED_SESSION, ...workplaces.get(key)! }]),
    );
    // Services look up the programme and the organisation on nearly every call: share them (see Acting).
    const acting = new Acting(tx, [...programEntities, ...orgs.values()]);
    const actions = new DemoActions(acting, viewers, saved, {
      parks: new Map([...parks].map(([key, park]) => [key, park.id])),
      places: places.ids(),
      organizations: new Map([...orgs].map(([key, org]) => [key, org.id])),
    });
    await playDemoStory(actions, clock);
    await verifyDemo(acting, actions, viewers.get('staff')!, viewers.get('district.longgang')!, clock);
    await verifyHenggang2022(acting, actions);
    await verifyWorkplaces(acting, viewers);
    console.log(`Demo data: ${persons.size} people, ${acting.calls} API calls played in ${Date.now() - started} ms`);
  });
}

/**
 * Checks the hierarchy the demo promises: each project is coached by its organisation's park and
 * belongs to its programme's district, its lead staff and mentors work there, and the viewers the
 * story acted as carry exactly the workplaces a signed-in request of theirs would.
 */
async function verifyWorkplaces(acting: Acting, viewers: Map<string, Viewer>): Promise<void> {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => { if (!ok) problems.push(message); };
  const em = acting.fork();
  const rows: { id: string; park_ids: string[]; district_ids: string[] }[] = await em.execute(
    `select p.id, ${WORKPLACE_COLUMNS} from person p where p.id in (?)`, [[...viewers.values()].map((v) => v.id)]);
  const read = new Map(rows.map((row) => [row.id, { parkIds: [...row.park_ids].sort(), districtIds: [...row.district_ids].sort() }]));
  for (const [key, viewer] of viewers) {
    expect(JSON.stringify(read.get(viewer.id)) === JSON.stringify({ parkIds: viewer.parkIds, districtIds: viewer.districtIds }), `${key}: the seed acted with other workplaces than a request would carry`);
  }
  const projects = await em.find(Project, {}, { populate: ['organization', 'program'] });
  const mentors = await em.find(ProjectMentor, {});
  const teamOf = (project: Project) => [project.leadStaff?.id, ...mentors.filter((m) => m.project.id === project.id).map((m) => m.mentor.id)].filter((id): id is string => !!id);
  const people = await workplacesOf(em, [...new Set(projects.flatMap(teamOf))]);
  for (const project of projects) {
    expect((project.park?.id ?? null) === (project.organization.getEntity().park?.id ?? null), `${project.title}: not coached by its organisation's park`);
    expect(project.district?.id === project.program.getEntity().district?.id, `${project.title}: not in its programme's district`);
    const scope = { parkId: project.park?.id ?? null, districtId: project.district?.id ?? null };
    for (const id of teamOf(project)) {
      expect(worksFor(people.get(id)!, scope), `${project.title}: a member of its team does not work for its park or district`);
    }
  }
  if (problems.length) throw new Error(`The demo's parks and districts are not as intended:\n- ${problems.join('\n- ')}`);
}

/**
 * Checks that the story ended where the demo promises, as the API computes it: the rankings and what
 * was decided from them, the statuses, and the present a newcomer finds today — one live round with
 * the demo evaluator's scorecard to do and a complete review to decide, the projects in delivery with
 * their reports up to last month (one returned), the overdue follow-up of a recent warning visit, open
 * coaching items. Fails seeding loudly otherwise.
 */
async function verifyDemo(acting: Acting, actions: DemoActions, staff: Viewer, longgang: Viewer, clock: DemoClock): Promise<void> {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => { if (!ok) problems.push(message); };
  const em = acting.fork();
  const project = (key: string) => em.findOneOrFail(Project, { id: actions.projectId(key) }, { populate: ['program'] });
  const today = cstDate(clock.now);

  // 龙岗区's rankings as its district's staff, who run its calls (others see only their own projects' places).
  const leaderboard = (roundKey: string) =>
    acting.read(longgang, clock.now, async (ctx) => ranking(ctx, await ctx.em.findOneOrFail(ReviewRound, { id: actions.roundId(roundKey) })));
  const minsheng = await leaderboard(MINSHENG_ROUND);
  expect(minsheng.length === 59, `民生实事 round: ${minsheng.length} projects ranked, expected 59`);
  expect(minsheng[0]?.projectId === actions.projectId('longling') && minsheng[0]?.score === 96.4 && minsheng[0]?.rank === 1,
    `民生实事 round: first is ${minsheng[0]?.project.title} with ${minsheng[0]?.score}, expected 龙岭花开 with 96.4`);
  expect(minsheng.slice(1).every((entry) => entry.score !== null && entry.score < 96.4), '民生实事 round: another project reaches 96.4');
  const decided = await em.find(Project, { id: { $in: minsheng.map((entry) => entry.projectId) } });
  for (const entry of minsheng) {
    const status = decided.find((p) => p.id === entry.projectId)?.status;
    const funded = entry.rank !== null && entry.rank <= MINSHENG_FUNDED;
    expect(status === (funded ? ProjectStatus.APPROVED : ProjectStatus.REJECTED), `民生实事 round: ${entry.project.title} (rank ${entry.rank}) is ${status}`);
    if (funded) expect(entry.project.communityServed.includes('布吉街道'), `民生实事 round: ${entry.project.title} is funded but not a 布吉 project`);
  }
  const roadshow = await leaderboard(ROADSHOW_ROUND);
  expect(roadshow[0]?.projectId === actions.projectId('jingju') && roadshow[0]?.rank === 1, `Roadshow: first is ${roadshow[0]?.project.title}, expected 京剧唱响六约北`);

  for (const [key, status] of Object.entries(EXPECTED_STATUS)) {
    const { title, status: actual } = await project(key);
    expect(actual === status, `${title}: ${actual}, expected ${status}`);
  }
  for (const key of ['danqin', 'gongzhi', 'shanghu', 'jingju', 'fanzha']) {
    const closed = await project(key);
    expect(closed.finalScore != null && closed.finalGrade === closed.program.getEntity().gradeFor(closed.finalScore), `${closed.title}: no grade`);
  }

  // Today: one live round, the open call's; nobody owes a scorecard anywhere else.
  const openRounds = await em.find(ReviewRound, { closedAt: null });
  expect(openRounds.length === 1 && openRounds[0].id === actions.roundId(OPEN_ROUND), `${openRounds.length} review rounds are open: ${openRounds.map((r) => r.name).join(', ')}`);
  const pending = await em.find(ReviewAssignment, { status: AssignmentStatus.ASSIGNED });
  expect(pending.every((a) => a.round.id === actions.roundId(OPEN_ROUND)), 'A scorecard is still owed in a round that is not the live one');
  const evaluator = await em.find(ReviewAssignment, { status: AssignmentStatus.ASSIGNED, evaluator: actions.person('evaluator').id });
  expect(evaluator.length === 1 && evaluator[0].project.id === actions.projectId('xinghuo') && evaluator[0].dueDate === cstDate(clock.daysAgo(-5)),
    `The demo evaluator owes ${evaluator.length} scorecards (due ${evaluator.map((a) => a.dueDate).join(', ')}), expected 1 (馨火相传) due in five days`);
  expect(pending.every((a) => a.dueDate >= today), 'A scorecard is overdue');
  const underReview = await em.find(Project, { status: ProjectStatus.UNDER_REVIEW });
  expect(underReview.length === 2, `${underReview.length} projects are under review, expected the live round's two`);
  const complete = await acting.read(staff, clock.now, async (ctx) => reviewProgress(ctx, await project('humiao'), RoundKind.PROPOSAL));
  expect(complete.submitted >= complete.required && complete.submitted === complete.active, '护苗“馨”行动: its review is not complete');

  // Delivery: reports accepted up to last month, none yet for this month; 南头古城's last one returned.
  const inDelivery = await em.find(Project, { status: ProjectStatus.IN_PROGRESS });
  expect(inDelivery.length === 2, `${inDelivery.length} projects are in delivery, expected 反毒馨生 and 南头古城“老街坊”`);
  const reportsOf = async (key: string) => (await em.find(ServiceReport, { project: actions.projectId(key) }, { orderBy: { period: 'asc' } })).map((r) => `${r.period} ${r.status}`);
  const months = (from: number) => Array.from({ length: -from }, (_, i) => clock.period(from + i));
  const fanduReports = months(-6).map((period) => `${period} ${ReportStatus.ACCEPTED}`);
  expect((await reportsOf('fandu')).join() === fanduReports.join(), `反毒馨生: reports ${(await reportsOf('fandu')).join(', ')}, expected ${fanduReports.join(', ')}`);
  const laojiefangReports = months(-3).map((period, i, all) => `${period} ${i === all.length - 1 ? ReportStatus.RETURNED : ReportStatus.ACCEPTED}`);
  expect((await reportsOf('laojiefang')).join() === laojiefangReports.join(), `南头古城“老街坊”: reports ${(await reportsOf('laojiefang')).join(', ')}, expected ${laojiefangReports.join(', ')}`);

  const fandu = await project('fandu');
  expect((await em.count(SupervisionVisit, { project: fandu.id })) === 16, `${fandu.title}: expected 16 supervision visits`);
  const progress = await acting.read(staff, clock.now, (ctx) => progressOf(ctx, fandu));
  const actual = (name: string) => progress?.indicators.find((i) => i.name === name)?.actual;
  expect(progress?.sessionsHeld === 28 && progress.personTimes === 2595 && progress.volunteers === 10, `${fandu.title}: figures do not add up to 28 场 / 2595 人次 / 10 名`);
  expect(actual('培育“过来人”禁毒志愿者') === 10 && actual('进社区进校园禁毒宣讲') === 10 && (actual('服务对象满意度') ?? 0) >= 90,
    `${fandu.title}: indicator actuals do not match the source`);

  // Supervision and coaching: an overdue follow-up from a recent warning visit; two open action items, one overdue.
  const openFollowUps = await em.find(FollowUp, { closedAt: null }, { populate: ['visit'] });
  const overdue = openFollowUps.filter((f) => f.dueDate < today);
  expect(overdue.length === 1 && overdue[0].project.id === actions.projectId('laojiefang') && overdue[0].visit.getEntity().riskLevel === RiskLevel.WARNING
    && clock.now.getTime() - overdue[0].visit.getEntity().visitedAt.getTime() < 15 * 86_400_000, 'Expected one overdue follow-up, from a warning visit to 南头古城“老街坊” in the last two weeks');
  const openItems = await em.find(ActionItem, { doneAt: null });
  expect(openItems.length === 2 && openItems.filter((item) => item.dueDate < today).length === 1, `${openItems.length} open action items (${openItems.filter((item) => item.dueDate < today).length} overdue), expected 2 with 1 overdue`);

  if (problems.length) throw new Error(`The demo story did not end as intended:\n- ${problems.join('\n- ')}`);
}

/** Throws when the directly written data (organisations, people, programmes) breaks a rule the API enforces. */
export function checkDemoData({ organizations, people, programs }: { organizations: DemoOrganization[]; people: DemoPerson[]; programs: DemoProgram[] }): void {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => { if (!ok) problems.push(message); };
  const unique = (values: string[], what: string) => expect(new Set(values).size === values.length, `${what}: duplicates in ${values.join(', ')}`);

  unique(organizations.map((o) => o.key), 'organisation keys');
  unique(organizations.map((o) => o.name), 'organisation names');
  unique(organizations.flatMap((o) => (o.creditCodePrefix ? [demoCreditCode(o.creditCodePrefix)] : [])), 'credit codes');
  for (const org of organizations) {
    if (org.creditCodePrefix === null) {
      expect(org.kind === OrganizationKind.RESIDENT_GROUP, `${org.name}: only resident groups may lack a credit code`);
    } else {
      expect(org.creditCodePrefix.length === 17, `${org.name}: credit code prefix must have 17 characters`);
      expect(creditCodeProblem(demoCreditCode(org.creditCodePrefix)) === null, `${org.name}: invalid credit code`);
    }
  }

  unique(people.map((p) => p.key), 'person keys');
  unique(people.map((p) => p.email), 'person e-mails');
  const orgKeys = new Set(organizations.map((o) => o.key));
  for (const p of people) {
    expect(p.email === p.email.toLowerCase(), `${p.email}: e-mails are lower case`);
    expect(p.roles.length > 0, `${p.email}: needs a role`);
    expect(!p.roles.includes(Role.APPLICANT) || (p.organization !== null && orgKeys.has(p.organization)), `${p.email}: an applicant needs an organisation`);
  }
  for (const l of DEMO_LOGINS) {
    expect(people.some((p) => p.email === l.email && p.name === l.name && p.roles.includes(l.role)), `${l.email}: demo login without a person`);
  }

  // Where people work: the rules setWorkplaces enforces, and everyone who works somewhere has a place.
  const parkKeys = new Set(PARKS.map((park) => park.key));
  const districts = new Set(organizations.map((o) => o.district));
  unique(PARKS.map((park) => park.name), 'park names');
  for (const park of PARKS) {
    expect(districts.has(park.district), `${park.name}: unknown district ${park.district}`);
    expect(park.operator === null || orgKeys.has(park.operator), `${park.name}: unknown operator ${park.operator}`);
  }
  for (const p of people) {
    const at = WORKPLACES[p.key];
    const works = p.roles.some((role) => role === Role.STAFF || role === Role.MENTOR || role === Role.EVALUATOR);
    expect(works === !!at, `${p.email}: ${works ? 'works nowhere' : 'has a workplace without a role that works in one'}`);
    if (!at) continue;
    expect(at.parks.every((key) => parkKeys.has(key)) && at.districts.every((d) => districts.has(d)), `${p.email}: unknown park or district`);
    expect(!at.parks.length || p.roles.includes(Role.STAFF) || p.roles.includes(Role.MENTOR), `${p.email}: only staff and mentors work in parks`);
    expect(!at.districts.length || p.roles.includes(Role.STAFF) || p.roles.includes(Role.EVALUATOR), `${p.email}: only staff and evaluators work for districts`);
  }
  expect(Object.keys(WORKPLACES).every((key) => people.some((p) => p.key === key)), 'WORKPLACES names someone who is not a demo person');

  unique(programs.map((p) => p.name), 'programme names');
  for (const p of programs) {
    expect(districts.has(p.district), `${p.name}: unknown district ${p.district}`);
    expect(p.park === null || PARKS.some((park) => park.key === p.park && park.district === p.district), `${p.name}: its park is not one of its district's`);
  }
  const checkRubric = (rubric: Criterion[], what: string) => {
    expect(rubric.length > 0, `${what}: empty rubric`);
    unique(rubric.map((c) => c.key), `${what} keys`);
    for (const c of rubric) {
      expect(/^[a-z][a-z0-9_]{0,39}$/.test(c.key), `${what}: bad key ${c.key}`);
      expect(c.weight > 0 && c.weight <= 100 && c.maxScore > 0 && c.maxScore <= 1000, `${what}: ${c.key} out of range`);
    }
    expect(Math.abs(rubric.reduce((sum, c) => sum + c.weight, 0) - 100) < 1e-9, `${what}: weights must sum to 100`);
  };
  for (const p of programs) {
    checkRubric(p.proposalRubric, `${p.name} proposal rubric`);
    checkRubric(p.closingRubric, `${p.name} closing rubric`);
    expect(isMoney(p.maxGrant) && isMoney(p.budgetPool) && toFen(p.maxGrant) <= toFen(p.budgetPool), `${p.name}: maxGrant must be at most budgetPool`);
    expect(p.applicationsOpenAt < p.applicationsCloseAt, `${p.name}: closes before it opens`);
    unique(p.focusAreas, `${p.name} focus areas`);
  }
  if (problems.length) throw new Error(`Demo data is inconsistent:\n- ${problems.join('\n- ')}`);
}
