import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../seeds/demo.seeder.js';
import {
  AssignProjectTeamDocument,
  CreateOrganizationDocument,
  LoginDocument,
  OrganizationsDocument,
  PlacesDocument,
  ProjectBoardDocument,
  ProjectEventsLiveDocument,
  ProjectsDocument,
} from './generated/graphql.js';
import { demoSnapshotValid } from '../src/app/embedded-postgres.js';
import { connectLive, subscribe } from './support/live.js';
import { Client } from './support/client.js';
import { creditCode } from './support/factories.js';
import { runServerProcess, type ServerProcess } from './support/process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'incubator-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const staffLogin = DEMO_LOGINS.find((login) => login.role === 'STAFF')!;

async function signIn(server: ServerProcess): Promise<Client> {
  const result = await new Client(server.url).data(LoginDocument, { input: { email: staffLogin.email, password: DEMO_PASSWORD } });
  expect(result.login.userErrors).toEqual([]);
  return new Client(server.url, result.login.token);
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

describe('the zero-install start on embedded PostgreSQL', () => {
  it('migrates, loads the demo data, answers queries, and keeps its data across a restart', async () => {
    const usesSnapshot = demoSnapshotValid();
    const started = Date.now();
    const first = await runServerProcess({ DATA_DIR: dataDir });
    const staff = await signIn(first);
    console.log(`embedded first start to first answered query: ${Date.now() - started} ms`);
    expect(first.output()).toContain(`embedded PostgreSQL (PGlite) in ${path.join(dataDir, 'pglite')}`);
    // `npm install` prepared the demo database (postinstall): valid today, by these sources, the first start takes it rather than playing the demo.
    if (usesSnapshot) expect(first.output()).toContain('Using the demo database prepared by npm install');
    else expect(first.output()).toContain('Loading the demo data (first start only)');

    const demoProjects = (await staff.data(ProjectsDocument, {})).projects!.totalCount;
    expect(demoProjects).toBeGreaterThanOrEqual(10);
    const nanshan = (await staff.data(PlacesDocument, { level: 'DISTRICT' })).places!.find((place) => place.name === '南山区')!;
    const created = await staff.data(CreateOrganizationDocument, {
      input: { name: '南山区重启测试社工服务中心', kind: 'SOCIAL_ORGANIZATION', creditCode: creditCode(), placeId: nanshan.id, contactName: '张主任', contactPhone: '0755-28881234' },
    });
    expect(created.createOrganization.userErrors).toEqual([]);

    // Live events in embedded mode come from the in-process bus, woken when a transaction commits.
    const [demoProject] = (await staff.data(ProjectsDocument, { first: 1 })).projects!.edges.map((e) => e.node);
    const live = connectLive(first.url, staff.token);
    const watch = subscribe(live.client, ProjectEventsLiveDocument, { projectIds: [demoProject.id] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const team = await staff.data(ProjectBoardDocument, { first: 1 });
    const lead = team.projects!.nodes[0].leadStaff;
    await staff.data(AssignProjectTeamDocument, { input: { projectId: demoProject.id, leadStaffId: lead?.id ?? null } });
    const [{ projectEvents }] = await watch.waitFor(1);
    expect(projectEvents).toMatchObject({ type: 'TEAM_ASSIGNED', project: { id: demoProject.id } });
    await live.client.dispose();
    await stop(first);

    const restarted = Date.now();
    const second = await runServerProcess({ DATA_DIR: dataDir });
    const again = await signIn(second);
    console.log(`embedded restart to first answered query: ${Date.now() - restarted} ms`);
    const organizations = await again.data(OrganizationsDocument, { first: 100 });
    expect(organizations.organizations!.nodes.map((o) => o.name)).toContain('南山区重启测试社工服务中心');
    expect((await again.data(ProjectsDocument, {})).projects!.totalCount).toBe(demoProjects);
    await stop(second);
  }, 120_000);
});
