import { ref, type EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { Role } from '../src/shared/auth.js';
import { isMoney, toFen } from '../src/shared/money.js';
import { creditCodeCheckCharacter, creditCodeProblem } from '../src/modules/organizations/credit-code.js';
import { Organization, OrganizationKind } from '../src/modules/organizations/organization.entity.js';
import { hashPassword } from '../src/modules/people/password.js';
import { Person } from '../src/modules/people/person.entity.js';
import { Program, type Criterion } from '../src/modules/programs/program.entity.js';
import { ProjectMentor } from '../src/modules/projects/project-mentor.entity.js';
import { Project, ProjectStatus } from '../src/modules/projects/project.entity.js';
import { ProposalRevision } from '../src/modules/projects/proposal-revision.entity.js';
import { DEMO_LOGINS, DEMO_PASSWORD, ORGANIZATIONS, PEOPLE, demoData, type DemoData, type DemoRevision } from './demo-data.js';

export { DEMO_LOGINS, DEMO_PASSWORD };
export type { DemoLogin } from './demo-data.js';

/** When the sources' organisations, people and programmes were "registered" on the platform. */
const PLATFORM_START = new Date('2022-01-04T09:00:00+08:00');

/** The full credit code: the demo 17-character prefix plus its GB 32100-2015 check character. */
export function demoCreditCode(prefix: string): string {
  return prefix + creditCodeCheckCharacter(prefix);
}

const sumFen = (revision: DemoRevision) => revision.budgetLines.reduce((total, line) => total + toFen(line.amount), 0);

/**
 * Seeds the demo: the organisations, projects and figures from the source documents, one sign-in per
 * role (see DEMO_LOGINS, password DEMO_PASSWORD) and applicants for every organisation with a project.
 * Everything is created in memory and written by a single flush; revisions are inserted once with
 * their final values and never updated (the database refuses it).
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const now = new Date();
    const data = demoData(now);
    checkDemoData(data);
    const passwordHash = await hashPassword(DEMO_PASSWORD); // scrypt is slow: hash once, share it

    const organizations = new Map<string, Organization>();
    for (const { key, creditCodePrefix, ...fields } of ORGANIZATIONS) {
      organizations.set(key, em.create(Organization, {
        ...fields,
        creditCode: creditCodePrefix ? demoCreditCode(creditCodePrefix) : null,
        createdAt: PLATFORM_START,
      }));
    }

    const people = new Map<string, Person>();
    for (const { key, email, name, roles, organization } of PEOPLE) {
      people.set(key, em.create(Person, {
        email: email.toLowerCase(),
        name,
        passwordHash,
        roles,
        organization: organization ? organizations.get(organization)! : null,
        createdAt: PLATFORM_START,
      }));
    }

    const programs = new Map<string, Program>();
    for (const { key, ...fields } of data.programs) {
      const createdAt = new Date(Math.min(fields.applicationsOpenAt.getTime() - 7 * 86_400_000, now.getTime()));
      programs.set(key, em.create(Program, { ...structuredClone(fields), createdAt }));
    }

    for (const spec of data.projects) {
      const applicant = people.get(spec.applicant)!;
      const project = em.create(Project, {
        program: programs.get(spec.program)!,
        organization: organizations.get(spec.organization)!,
        title: spec.title,
        focusArea: spec.focusArea,
        communityServed: spec.communityServed,
        status: spec.status,
        leadStaff: spec.leadStaff ? people.get(spec.leadStaff)! : null,
        submittedAt: spec.submittedAt,
        createdBy: applicant,
        createdAt: spec.createdAt,
      });

      // Each revision is created once with its final values: the project exists first (revision.project
      // is required), then the revisions, then project.currentRevision points at the last one. MikroORM
      // inserts the project with a null current revision and sets it by an UPDATE of the project only.
      const revisions = spec.revisions.map((revision, index) => {
        const { at, ...content } = structuredClone(revision);
        return em.create(ProposalRevision, {
          ...content,
          project,
          number: index + 1,
          requestedAmount: sumFen(revision) / 100,
          author: applicant,
          createdAt: at,
        });
      });
      project.currentRevision = ref(revisions[revisions.length - 1]);
      project.revisionCount = spec.revisions.length;

      for (const mentorKey of spec.mentors) {
        em.create(ProjectMentor, { project, mentor: people.get(mentorKey)!, assignedAt: spec.revisions[0].at });
      }
    }

    await em.flush();
  }
}

/** Throws when the demo data breaks a rule the API would enforce, so a bad edit fails loudly at seed time. */
export function checkDemoData(data: DemoData): void {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => { if (!ok) problems.push(message); };
  const unique = (values: string[], what: string) => expect(new Set(values).size === values.length, `${what}: duplicates in ${values.join(', ')}`);

  unique(ORGANIZATIONS.map((o) => o.key), 'organisation keys');
  unique(ORGANIZATIONS.map((o) => o.name), 'organisation names');
  const codes = ORGANIZATIONS.flatMap((o) => (o.creditCodePrefix ? [demoCreditCode(o.creditCodePrefix)] : []));
  unique(codes, 'credit codes');
  for (const org of ORGANIZATIONS) {
    if (org.creditCodePrefix === null) {
      expect(org.kind === OrganizationKind.RESIDENT_GROUP, `${org.name}: only resident groups may lack a credit code`);
    } else {
      expect(org.creditCodePrefix.length === 17, `${org.name}: credit code prefix must have 17 characters`);
      expect(creditCodeProblem(demoCreditCode(org.creditCodePrefix)) === null, `${org.name}: invalid credit code`);
    }
  }

  unique(PEOPLE.map((p) => p.key), 'person keys');
  unique(PEOPLE.map((p) => p.email), 'person e-mails');
  const orgKeys = new Set(ORGANIZATIONS.map((o) => o.key));
  const person = new Map(PEOPLE.map((p) => [p.key, p]));
  for (const p of PEOPLE) {
    expect(p.email === p.email.toLowerCase(), `${p.email}: e-mails are lower case`);
    expect(p.roles.length > 0, `${p.email}: needs a role`);
    expect(!p.roles.includes(Role.APPLICANT) || (p.organization !== null && orgKeys.has(p.organization)), `${p.email}: an applicant needs an organisation`);
  }
  for (const l of DEMO_LOGINS) {
    expect(PEOPLE.some((p) => p.email === l.email && p.name === l.name && p.roles.includes(l.role)), `${l.email}: demo login without a person`);
  }

  unique(data.programs.map((p) => p.name), 'programme names');
  const programs = new Map(data.programs.map((p) => [p.key, p]));
  const checkRubric = (rubric: Criterion[], what: string) => {
    expect(rubric.length > 0, `${what}: empty rubric`);
    unique(rubric.map((c) => c.key), `${what} keys`);
    for (const c of rubric) {
      expect(/^[a-z][a-z0-9_]{0,39}$/.test(c.key), `${what}: bad key ${c.key}`);
      expect(c.weight > 0 && c.weight <= 100 && c.maxScore > 0 && c.maxScore <= 1000, `${what}: ${c.key} out of range`);
    }
    expect(Math.abs(rubric.reduce((sum, c) => sum + c.weight, 0) - 100) < 1e-9, `${what}: weights must sum to 100`);
  };
  for (const p of data.programs) {
    checkRubric(p.proposalRubric, `${p.name} proposal rubric`);
    checkRubric(p.closingRubric, `${p.name} closing rubric`);
    expect(isMoney(p.maxGrant) && isMoney(p.budgetPool) && toFen(p.maxGrant) <= toFen(p.budgetPool), `${p.name}: maxGrant must be at most budgetPool`);
    expect(p.applicationsOpenAt < p.applicationsCloseAt, `${p.name}: closes before it opens`);
    unique(p.focusAreas, `${p.name} focus areas`);
  }

  unique(data.projects.map((p) => `${p.program}/${p.organization}/${p.title}`), 'projects');
  for (const p of data.projects) {
    const program = programs.get(p.program);
    const applicant = person.get(p.applicant);
    expect(!!program, `${p.title}: unknown programme ${p.program}`);
    expect(orgKeys.has(p.organization), `${p.title}: unknown organisation ${p.organization}`);
    expect(!!applicant && applicant.roles.includes(Role.APPLICANT) && applicant.organization === p.organization, `${p.title}: ${p.applicant} is not an applicant of ${p.organization}`);
    expect(p.leadStaff === null || !!person.get(p.leadStaff)?.roles.includes(Role.STAFF), `${p.title}: lead staff must be STAFF`);
    unique(p.mentors, `${p.title} mentors`);
    for (const m of p.mentors) expect(!!person.get(m)?.roles.includes(Role.MENTOR), `${p.title}: ${m} is not a MENTOR`);
    expect(p.revisions.length > 0, `${p.title}: needs a revision`);
    expect((p.status === ProjectStatus.SUBMITTED) === (p.submittedAt !== null), `${p.title}: submittedAt goes with SUBMITTED`);
    if (!program) continue;
    expect(program.focusAreas.includes(p.focusArea), `${p.title}: focus area ${p.focusArea} is not one of the programme's`);
    expect(program.applicationsOpenAt <= p.createdAt && p.createdAt <= p.revisions[0].at, `${p.title}: created outside the application window or after its first revision`);
    if (p.submittedAt) {
      expect(p.revisions[p.revisions.length - 1].at <= p.submittedAt && p.submittedAt < program.applicationsCloseAt, `${p.title}: submitted before its last revision or after the deadline`);
    }
    p.revisions.forEach((r, i) => {
      const at = `${p.title} revision ${i + 1}`;
      expect(i === 0 ? r.changeNote === null : !!r.changeNote, `${at}: change note is null for the first revision only`);
      expect(i === 0 || p.revisions[i - 1].at < r.at, `${at}: revisions must be in time order`);
      expect(r.objectives.length > 0 && r.budgetLines.length > 0, `${at}: needs objectives and budget lines`);
      unique(r.objectives, `${at} objectives`);
      unique(r.activityPlan.map((a) => a.title), `${at} activity titles`);
      unique(r.indicatorTargets.map((t) => t.name), `${at} indicator names`);
      unique(r.budgetLines.map((l) => l.item), `${at} budget items`);
      for (const a of r.activityPlan) expect(a.title.length <= 200 && a.period.length <= 50, `${at}: activity ${a.title} too long`);
      for (const t of r.indicatorTargets) expect(t.name.length <= 100 && t.unit.length <= 20 && t.target > 0, `${at}: indicator ${t.name} invalid`);
      for (const l of r.budgetLines) expect(isMoney(l.amount), `${at}: budget line ${l.item} is not an amount in yuan`);
      expect(sumFen(r) <= toFen(program.maxGrant), `${at}: requests ${sumFen(r) / 100} above the maximum grant ${program.maxGrant}`);
      if (i > 0) expect(JSON.stringify({ ...r, at: 0, changeNote: 0 }) !== JSON.stringify({ ...p.revisions[i - 1], at: 0, changeNote: 0 }), `${at}: identical to the previous revision`);
    });
  }
  if (problems.length) throw new Error(`Demo data is inconsistent:\n- ${problems.join('\n- ')}`);
}
