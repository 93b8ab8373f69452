import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../src/app/mikro-orm.config.js';
import { seedDemo } from '../seeds/demo.seeder.js';
import { ORGANIZATIONS, PARKS } from '../seeds/demo-data.js';
import { MINSHENG_ORGANIZATIONS } from '../seeds/demo-minsheng.js';
import {
  DemoMyParksDocument, DemoOrganizationPlacesDocument, DemoParkActivities2022Document, DemoParkProjectVisitsDocument, DemoParksDocument,
  DemoPlaceTreeDocument, DemoProjectPlacesDocument, DemoWorkplacesDocument,
} from './generated/graphql.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/postgres.js';

// The seeder checks its own ending (verifyDemo in seeds/demo.seeder.ts) and throws when the story ends
// anywhere else, so seeding as of instants that are awkward for a calendar is the test: the present is
// placed around `now`, and must still read as today at the turn of a month or a year.
describe('the demo story', () => {
  it.each([
    ['the first minutes of a month after February', '2026-03-01T00:30:00+08:00'],
    ['the last minutes of a year', '2025-12-31T23:50:00+08:00'],
  ])('ends where it should when first started in %s', async (_, instant) => {
    const database = await createTestDatabase();
    const orm = await MikroORM.init(ormConfig({ url: database.url, poolSize: 2 }));
    try {
      await seedDemo(orm.em.fork(), new Date(instant));
    } finally {
      await orm.close(true);
      await database.drop();
    }
  }, 240_000);
});

/** An untyped query: the demo's picture is read through the public schema, as a client would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gql = (query: string) => parse(query) as unknown as TypedDocumentNode<any, Record<string, never>>;

describe('the demo as its people find it today', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
  });
  /** A day `offset` days from today in Shenzhen, YYYY-MM-DD. */
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const today = () => day(0);
  const month = (offset: number) => {
    const local = new Date(Date.now() + 8 * 3600_000);
    return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
  };

  const COUNTS = '{ attention { counts { total waitingForEvaluators overdueAssignments undecidedReviews reportsAwaitingAcceptance missingReports overdueFollowUps warningVisits openActionItems assignmentsDue reportsDue returnedReports } } }';
  const none = { waitingForEvaluators: 0, overdueAssignments: 0, undecidedReviews: 0, reportsAwaitingAcceptance: 0, missingReports: 0, overdueFollowUps: 0, warningVisits: 0, openActionItems: 0, assignmentsDue: 0, reportsDue: 0, returnedReports: 0 };
  const counts = async (email: string) => (await (await app.login(email, 'incubator-demo')).data(gql(COUNTS))).attention.counts;

  it('each demo login finds what the README promises waiting for them today', async () => {
    // Staff: a submitted proposal without evaluators, a complete review to decide, a recent warning visit and its overdue follow-up.
    expect(await counts('staff@demo.incubator.cn')).toEqual({ ...none, total: 4, waitingForEvaluators: 1, undecidedReviews: 1, overdueFollowUps: 1, warningVisits: 1 });
    // The mentor: the open action items of the draft she coaches (one of them overdue).
    expect(await counts('mentor@demo.incubator.cn')).toEqual({ ...none, total: 2, openActionItems: 2 });
    // The evaluator: one scorecard, not yet late.
    expect(await counts('evaluator@demo.incubator.cn')).toEqual({ ...none, total: 1, assignmentsDue: 1 });
    // The applicant: this month's report of both projects in delivery, and last month's returned report.
    expect(await counts('applicant@demo.incubator.cn')).toEqual({ ...none, total: 3, reportsDue: 2, returnedReports: 1 });
  });

  it('the evaluator owes one scorecard, due in five days, in the one live round', async () => {
    const evaluator = await app.login('evaluator@demo.incubator.cn', 'incubator-demo');
    const { myAssignments } = await evaluator.data(gql('{ myAssignments(status: ASSIGNED) { totalCount nodes { dueDate project { title } round { name closedAt } } } }'));
    expect(myAssignments.totalCount).toBe(1);
    expect(myAssignments.nodes[0].project.title).toBe('馨火相传——禁毒“过来人”宣讲团进校园');
    expect(myAssignments.nodes[0].dueDate).toBe(day(5));
    expect(myAssignments.nodes[0].round).toMatchObject({ closedAt: null, name: expect.stringMatching(/立项评审\(第一批\)$/) });

    const staff = await app.login('staff@demo.incubator.cn', 'incubator-demo');
    const { programs } = await staff.data(gql('{ programs(first: 20) { nodes { name reviewRounds(first: 20) { nodes { name closedAt } } } } }'));
    const open = programs.nodes.flatMap((p: { reviewRounds: { nodes: { name: string; closedAt: string | null }[] } }) => p.reviewRounds.nodes.filter((r) => r.closedAt === null));
    expect(open.map((r: { name: string }) => r.name)).toEqual([myAssignments.nodes[0].round.name]);
  });

  it('staff have a complete review to decide, an approved project to start, and nothing left under review from past years', async () => {
    const staff = await app.login('staff@demo.incubator.cn', 'incubator-demo');
    const { underReview, approved } = await staff.data(gql(`{
      underReview: projects(status: UNDER_REVIEW, first: 20) { nodes { title program { year } proposalReview { progress { submitted required } } } }
      approved: projects(status: APPROVED, first: 20) { nodes { title program { year } } }
    }`));
    const complete = underReview.nodes.filter((p: { proposalReview: { progress: { submitted: number; required: number } } }) => p.proposalReview.progress.submitted >= p.proposalReview.progress.required);
    expect(complete.map((p: { title: string }) => p.title)).toEqual(['护苗“馨”行动——青少年毒品预防家庭教育']);
    expect(underReview.nodes).toHaveLength(2);
    const thisYear = underReview.nodes[0].program.year;
    expect(underReview.nodes.every((p: { program: { year: number } }) => p.program.year === thisYear)).toBe(true);
    expect(approved.nodes.filter((p: { program: { year: number } }) => p.program.year === thisYear).map((p: { title: string }) => p.title)).toEqual(['复能者俱乐部——社区精神康复柏人计划']);
  });

  it('projects in delivery have reported up to last month, one report is back with the applicant, and a recent warning visit left an overdue follow-up', async () => {
    const applicant = await app.login('applicant@demo.incubator.cn', 'incubator-demo');
    const { projects } = await applicant.data(gql(`{
      projects(status: IN_PROGRESS, first: 20) { nodes {
        title
        serviceReports(first: 20, order: OLDEST_FIRST) { nodes { period status } }
        supervisionVisits(first: 2) { nodes { riskLevel visitedAt followUps { dueDate closedAt } } }
      } }
    }`));
    type Delivery = { title: string; serviceReports: { nodes: { period: string; status: string }[] }; supervisionVisits: { nodes: { riskLevel: string; visitedAt: string; followUps: { dueDate: string; closedAt: string | null }[] }[] } };
    const byTitle = new Map<string, Delivery>(projects.nodes.map((p: Delivery) => [p.title, p]));
    expect([...byTitle.keys()].sort()).toEqual(['南头古城“老街坊”长者关爱行动', '反毒馨生——“过来人”志愿者培育']);

    const fandu = byTitle.get('反毒馨生——“过来人”志愿者培育')!.serviceReports.nodes;
    expect(fandu.map((r) => r.period)).toEqual([-6, -5, -4, -3, -2, -1].map(month));
    expect(fandu.every((r) => r.status === 'ACCEPTED')).toBe(true);

    const laojiefang = byTitle.get('南头古城“老街坊”长者关爱行动')!;
    expect(laojiefang.serviceReports.nodes).toEqual([
      { period: month(-3), status: 'ACCEPTED' },
      { period: month(-2), status: 'ACCEPTED' },
      { period: month(-1), status: 'RETURNED' },
    ]);
    const [latest] = laojiefang.supervisionVisits.nodes;
    expect(latest.riskLevel).toBe('WARNING');
    expect(Date.now() - Date.parse(latest.visitedAt)).toBeLessThan(15 * 86_400_000);
    expect(latest.followUps).toHaveLength(1);
    expect(latest.followUps[0].closedAt).toBeNull();
    expect(latest.followUps[0].dueDate < today()).toBe(true);
  });

  describe('districts and parks', () => {
    const names = (list: { name: string }[] | null | undefined) => (list ?? []).map((item) => item.name).sort();

    it('the place tree holds the sources’ districts, streets and communities, named exactly', async () => {
      const admin = app.admin;
      const districts = (await admin.data(DemoPlaceTreeDocument, { level: 'DISTRICT' })).places!;
      expect(names(districts)).toEqual(['南山区', '龙岗区']);
      const children = (district: string) => districts.find((d) => d.name === district)!.children;
      // 龙岗区's 11 streets, all of them: the 观摩会 of 居民共治空间 received visitors from each.
      expect(names(children('龙岗区'))).toEqual(['平湖街道', '坂田街道', '布吉街道', '南湾街道', '横岗街道', '龙城街道', '龙岗街道', '坪地街道', '园山街道', '吉华街道', '宝龙街道'].sort());
      expect(names(children('南山区'))).toEqual(expect.arrayContaining(['南头街道', '南山街道']));
      const street = async (district: string, name: string) => {
        const id = children(district).find((s) => s.name === name)!.id;
        return (await admin.data(DemoPlaceTreeDocument, { parentId: id })).places!;
      };
      const henggang = await street('龙岗区', '横岗街道');
      expect(names(henggang)).toEqual(expect.arrayContaining(['六约北社区', '四联社区', '怡锦社区', '六约南社区', '六约社区']));
      expect(henggang.every((c) => c.level === 'COMMUNITY' && c.district?.name === '龙岗区')).toBe(true);
      expect(names(await street('南山区', '南头街道'))).toContain('田厦社区');
      expect(names(await street('南山区', '南山街道'))).toContain('南园社区');
    });

    it('each district has its parks, serving their streets; 横岗创新园 is run by 众智', async () => {
      const { nodes } = (await app.admin.data(DemoParksDocument, {})).parks!;
      expect(names(nodes)).toEqual(PARKS.map((p) => p.name).sort());
      const henggang = nodes.find((p) => p.name === '横岗创新园')!;
      expect(henggang).toMatchObject({ place: { name: '横岗街道', level: 'STREET' }, district: { name: '龙岗区' }, operator: { name: '龙岗区众智公共服务创新中心' } });
      expect(names(henggang.streets)).toEqual(['横岗街道']);
      const districts = (await app.admin.data(DemoPlaceTreeDocument, { level: 'DISTRICT' })).places!;
      const longgang = districts.find((d) => d.name === '龙岗区')!;
      expect(names((await app.admin.data(DemoParksDocument, { districtId: longgang.id })).parks!.nodes)).toEqual(['布吉创域', '横岗创新园'].sort());
    });

    it('every organisation keeps its address and is coached by the park of its street, or by none', async () => {
      const { nodes } = (await app.admin.data(DemoOrganizationPlacesDocument)).organizations!;
      for (const org of [...ORGANIZATIONS, ...MINSHENG_ORGANIZATIONS]) {
        const found = nodes.find((n) => n.name === org.name);
        expect(found, org.name).toMatchObject({ district: org.district, street: org.street, community: org.community });
        expect(found!.place!.name).toBe(org.community ?? org.street ?? org.district);
        const park = PARKS.find((p) => p.district === org.district && (org.street ? p.streets.includes(org.street) : p.street === null));
        expect(found!.park?.name ?? null, org.name).toBe(park?.name ?? null);
      }
      const byName = new Map(nodes.map((n) => [n.name, n.park?.name ?? null]));
      expect(byName.get('六约北社区居委会')).toBe('横岗创新园');
      expect(byName.get('龙岭社区居委会')).toBe('布吉创域');
      expect(byName.get('五和社区居委会')).toBeNull();
    });

    it('staff work where the README says, and see only the projects their park or district covers', async () => {
      const signIn = (email: string) => app.login(email, 'incubator-demo');
      const staff = await signIn('staff@demo.incubator.cn');
      const district = await signIn('district@demo.incubator.cn');
      const henggang = await signIn('staff.henggang@demo.incubator.cn');
      expect((await staff.data(DemoWorkplacesDocument)).viewer).toMatchObject({ parks: [{ name: '南山区社会治理创新园' }], districts: [] });
      expect((await district.data(DemoWorkplacesDocument)).viewer).toMatchObject({ parks: [], districts: [{ name: '龙岗区' }] });
      expect(names((await signIn('mentor@demo.incubator.cn').then((m) => m.data(DemoWorkplacesDocument))).viewer!.parks)).toEqual(['南山区社会治理创新园', '横岗创新园'].sort());
      expect(names((await signIn('evaluator@demo.incubator.cn').then((e) => e.data(DemoWorkplacesDocument))).viewer!.districts)).toEqual(['南山区', '龙岗区']);

      const all = (await app.admin.data(DemoProjectPlacesDocument)).projects!;
      for (const project of all.nodes) expect(project.park?.name ?? null, project.title).toBe(project.organization!.park?.name ?? null);
      const parkOf = (title: string) => all.nodes.find((p) => p.title === title)!;
      expect(parkOf('京剧唱响六约北')).toMatchObject({ park: { name: '横岗创新园' }, district: { name: '龙岗区' } });
      expect(parkOf('反毒馨生——“过来人”志愿者培育')).toMatchObject({ park: { name: '南山区社会治理创新园' }, district: { name: '南山区' } });

      const seen = async (client: typeof staff) => (await client.data(DemoProjectPlacesDocument)).projects!;
      const mine = await seen(staff);
      expect(mine.totalCount).toBeGreaterThan(0);
      expect(mine.nodes.every((p) => p.park?.name === '南山区社会治理创新园')).toBe(true);
      expect(mine.totalCount).toBe(all.nodes.filter((p) => p.park?.name === '南山区社会治理创新园').length);

      const park = await seen(henggang);
      expect(park.nodes.every((p) => p.park?.name === '横岗创新园')).toBe(true);
      expect(park.nodes.map((p) => p.title)).toEqual(expect.arrayContaining(['京剧唱响六约北', '居民共治空间']));

      // The district's staff: both its parks' projects and those no park coached, nothing of 南山区.
      const longgang = all.nodes.filter((p) => p.district?.name === '龙岗区');
      const overseen = await seen(district);
      expect(overseen.totalCount).toBe(longgang.length);
      expect(overseen.totalCount).toBeLessThanOrEqual(100);
      expect(new Set(overseen.nodes.map((p) => p.park?.name ?? null))).toEqual(new Set(['横岗创新园', '布吉创域', null]));
    });
  });

  // seeds/demo-henggang-2022.ts: the park's 2022 as its annual report states it.
  describe('横岗创新园’s 2022, as its officer finds it', () => {
    const from = '2022-01-01T00:00:00+08:00';
    const to = '2023-01-01T00:00:00+08:00';
    const officer = () => app.login('staff.henggang@demo.incubator.cn', 'incubator-demo');
    const activities2022 = async () => {
      const client = await officer();
      const park = (await client.data(DemoMyParksDocument)).viewer!.parks!.find((p) => p.name === '横岗创新园')!;
      const { node } = await client.data(DemoParkActivities2022Document, { parkId: park.id, from, to });
      if (node?.__typename !== 'Park') throw new Error('not a park');
      return node.activities!;
    };

    it('holds the source’s activities: two exchanges, the 主题日 series, four 社会达人 activities, the courses and the 观摩会', async () => {
      const { totalCount, nodes } = await activities2022();
      expect(totalCount).toBe(16);
      const byKind = (kind: string) => nodes.filter((a) => a.kind === kind);
      expect(byKind('EXCHANGE').map((a) => a.title)).toEqual(['党建引领社会治理,聚力携手为党争光', '探索客家茶果文化产业,共建社会治理新模式']);
      expect(nodes.map((a) => a.title)).toEqual(expect.arrayContaining([
        '构建亲子和谐关系,创新基层社会治理', '社区社会组织如何设计公益创投项目辅导会', '反诈有我,党员先行', '横岗创新园反诈骗宣传党员志愿队',
        '培养基层社会治理“小达人”', '企业员工参与基层社会治理的方式', '横岗街道社会心理服务骨干人才培训班',
      ]));
      expect(nodes.filter((a) => a.title.startsWith('社会达人训练营系列'))).toHaveLength(4);
      // The theme days open to the public count everyone at the door.
      const qinzi = nodes.find((a) => a.title === '构建亲子和谐关系,创新基层社会治理')!;
      expect(qinzi).toMatchObject({ kind: 'THEME_DAY', openToPublic: true, attendance: { personTimes: qinzi.sessions[0].headcount } });
      expect(qinzi.sessions[0].headcount!).toBeGreaterThan(qinzi.sessions[0].checkedIn);
      // The order of the source's sections: the 交流 first, the 观摩会 on 12-08 last.
      expect(nodes[nodes.length - 1].title).toBe('“怡锦社区共治空间”项目现场观摩会');
      // Satisfaction: a share answered, around 4.7 over the year.
      const responses = nodes.reduce((n, a) => n + a.attendance.satisfactionResponses, 0);
      const average = nodes.reduce((sum, a) => sum + (a.attendance.averageSatisfaction ?? 0) * a.attendance.satisfactionResponses, 0) / responses;
      expect(responses).toBeGreaterThan(50);
      expect(average).toBeGreaterThanOrEqual(4.6);
      expect(average).toBeLessThanOrEqual(4.8);
    });

    it('the 观摩会 received 122 person-times from the 11 streets of 龙岗区 in 4 batches', async () => {
      const { nodes } = await activities2022();
      const observation = nodes.find((a) => a.kind === 'SITE_OBSERVATION')!;
      expect(observation).toMatchObject({
        title: '“怡锦社区共治空间”项目现场观摩会', organizer: '区基层社会治理工作领导小组办公室',
        startsAt: '2022-12-08T01:00:00.000Z', projects: [{ title: '居民共治空间' }], organizations: [{ name: '怡锦社区居委会' }],
        attendance: { personTimes: 122, streetCount: 11 },
      });
      expect(observation.sessions).toHaveLength(4);
      expect(observation.sessions.reduce((n, s) => n + s.personTimes, 0)).toBe(122);
      expect(observation.attendance.streets.map((s) => s.street.name).sort()).toEqual(
        ['平湖街道', '坂田街道', '布吉街道', '南湾街道', '横岗街道', '龙城街道', '龙岗街道', '坪地街道', '园山街道', '吉华街道', '宝龙街道'].sort());
    });

    it('its training courses drew 97 person-times, online and on site, some people coming several times', async () => {
      const { nodes } = await activities2022();
      const courses = nodes.filter((a) => a.kind === 'TRAINING_COURSE');
      expect(courses.reduce((n, a) => n + a.attendance.personTimes, 0)).toBe(97);
      expect(courses.flatMap((a) => a.sessions).reduce((n, s) => n + s.personTimes, 0)).toBe(97);
      const gugan = courses.find((a) => a.title === '横岗街道社会心理服务骨干人才培训班')!;
      expect(gugan.sessions.map((s) => s.mode)).toEqual(['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ON_SITE', 'ON_SITE', 'ON_SITE', 'ON_SITE']);
      expect(gugan.attendance.participants).toBeLessThan(gugan.attendance.personTimes);
    });

    it('its coaching workshop coached 8 projects, 5 of which applied (累计辅导8个项目,成功申报5个项目)', async () => {
      const { nodes } = await activities2022();
      const workshop = nodes.find((a) => a.kind === 'COACHING_WORKSHOP')!;
      expect(workshop.title).toBe('社区社会组织如何设计公益创投项目辅导会');
      expect(workshop.projects).toHaveLength(8);
      const applied = workshop.projects.filter((p) => p.submittedAt !== null);
      expect(applied.map((p) => p.title)).toEqual(expect.arrayContaining(['京剧唱响六约北']));
      expect(applied).toHaveLength(5);
      expect(workshop.projects.filter((p) => p.status === 'DRAFT')).toHaveLength(3);
    });

    it('its projects were visited 16 times in 2022 (走访督导社区16轮)', async () => {
      const { projects } = await (await officer()).data(DemoParkProjectVisitsDocument);
      expect(projects!.totalCount).toBeLessThanOrEqual(100);
      const visits = projects!.nodes.filter((p) => p.park?.name === '横岗创新园')
        .flatMap((p) => p.supervisionVisits!.nodes).filter((v) => v.visitedAt >= '2021-12-31T16:00:00.000Z' && v.visitedAt < '2022-12-31T16:00:00.000Z');
      expect(visits).toHaveLength(16);
    });

    it('its generated 2022 operations report states the source’s figures, each traceable to its rows', async () => {
      const client = await officer();
      const park = (await client.data(DemoMyParksDocument)).viewer!.parks!.find((p) => p.name === '横岗创新园')!;
      const { operationsReport: report } = await client.data(gql(`query ($parkId: ID!) {
        operationsReport(scope: { parkId: $parkId, year: 2022 }) {
          title summary
          figures {
            coaching { byProgram { program { name } coached applied } }
            rankings { project { title } rank score fieldSize }
            recommendations { project { title } library }
            supervision { visits visitList { id } }
            serviceReports { submitted accepted byProject { project { title } submitted } }
            closings { project { title } closedAt score grade }
            activities { trainingPersonTimes activityList { id } }
          }
        }
      }`), { parkId: park.id } as never);
      expect(report.title).toBe('横岗创新园2022年度运营工作报告');
      const says = (text: string) => expect(report.summary.join('\n')).toContain(text);
      says('2022年度,横岗创新园围绕“龙岗区2022年社区社会组织优秀项目公益创投大赛”累计辅导8个项目,成功申报5个项目。');
      says('《京剧唱响六约北》获得龙岗区2022年社区社会组织优秀项目公益创投大赛路演评分第1名(95分,共5个项目参评)。');
      says('《京剧唱响六约北》被推荐至龙岗区“民生微实事·大盆菜”服务类项目库。');
      says('走访督导16轮');
      says('报送月度服务资料6份');
      says('于10月通过结项评估(88.5分,良好)。');
      says('其中培训97人次');
      says('“怡锦社区共治空间”项目现场观摩会分4批次共接待11个街道122人次参与观摩。');
      const { figures } = report;
      expect(figures.supervision.visitList).toHaveLength(16);
      expect(figures.rankings).toContainEqual({ project: { title: '京剧唱响六约北' }, rank: 1, score: 95, fieldSize: 5 });
      expect(figures.closings).toEqual([expect.objectContaining({ closedAt: expect.stringMatching(/^2022-10-25/), score: 88.5, grade: 'GOOD' })]);
      expect(figures.serviceReports).toMatchObject({ submitted: 6, accepted: 6 });
      expect(figures.serviceReports.byProject).toEqual([{ project: { title: figures.closings[0].project.title }, submitted: 6 }]);
      expect(figures.activities.activityList).toHaveLength(16);
    });
  });

  it('南山’s park brokered a sponsorship for 反毒馨生, and offers 老街坊 a hall that 何晓琳 has yet to accept', async () => {
    const staff = await app.login('staff@demo.incubator.cn', 'incubator-demo');
    const { viewer } = await staff.data(gql('{ viewer { parks { id name } } }'));
    const park = viewer.parks.find((p: { name: string }) => p.name === '南山区社会治理创新园');
    const year = `${new Date().getFullYear() - 1}-01-01T00:00:00Z`;
    const { node } = await staff.data(gql(`query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
      node(id: $id) { ... on Park { resourceFigures(from: $from, to: $to) { matchesDelivered valueBrokered projectsServed } resourceMatches(first: 10) { nodes { status project { title } } } } } }`),
    { id: park.id, from: year, to: new Date(Date.now() + 86_400_000).toISOString() } as never);
    expect(node.resourceFigures).toEqual({ matchesDelivered: 1, valueBrokered: 8000, projectsServed: 1 });
    expect(node.resourceMatches.nodes).toEqual([
      { status: 'PROPOSED', project: { title: '南头古城“老街坊”长者关爱行动' } },
      { status: 'DELIVERED', project: { title: '反毒馨生——“过来人”志愿者培育' } },
    ]);
    const applicant = await app.login('applicant@demo.incubator.cn', 'incubator-demo');
    const { projects } = await applicant.data(gql('{ projects(first: 20) { nodes { title resourceMatches { nodes { status viewerCan { accept } } } } } }'));
    const laojiefang = projects.nodes.find((p: { title: string }) => p.title === '南头古城“老街坊”长者关爱行动');
    expect(laojiefang.resourceMatches.nodes).toEqual([{ status: 'PROPOSED', viewerCan: { accept: true } }]);
  });

  it('the mentor has coaching action items open, one of them overdue', async () => {
    const mentor = await app.login('mentor@demo.incubator.cn', 'incubator-demo');
    const { overdueActionItems } = await mentor.data(gql('{ overdueActionItems(first: 20) { totalCount nodes { description dueDate } } }'));
    expect(overdueActionItems.totalCount).toBe(1);
    expect(overdueActionItems.nodes[0].dueDate < today()).toBe(true);
  });
});
