import type { RequestHandler } from 'express';

/** A demo account the explorer offers to sign in as (demo mode only). */
export interface ExplorerLogin {
  role: string;
  email: string;
  name: string;
}

const DEFAULT_QUERY = `# Sign in with a demo account above, then run this (Ctrl-Enter).
{
  viewer { name roles organization { name } }
  projects(first: 5) {
    totalCount
    nodes { title status organization { name } currentRevision { number requestedAmount } }
  }
}
`;

/** The explorer's page and its own script may run inline; everything else, as helmet sets it. */
const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
].join('; ');

const escapeScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * GraphiQL, bundled from npm (`@graphql-yoga/render-graphiql` carries it whole), so the page needs
 * nothing from the internet. A bar above it signs in as a demo account: the token is kept in the
 * browser's localStorage and sent as `Authorization` with every request the explorer makes.
 */
export async function explorerPage(logins: ExplorerLogin[], demoPassword: string | null): Promise<string> {
  // Nine megabytes of JavaScript: loaded when the page is first asked for, not at every start.
  const { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } = await import('@graphql-yoga/render-graphiql/graphiql');
  const loginButtons = logins.map((login) => `<button type="button" data-email="${login.email}" title="${login.email}">${login.role} · ${login.name}</button>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>Incubator GraphQL explorer</title>
    <link rel="icon" href="${favicon}" />
    <style>${css}</style>
    <style>
      body { margin: 0; display: flex; flex-direction: column; height: 100vh; font-family: system-ui, sans-serif; }
      #signin { display: flex; gap: 8px; align-items: center; padding: 6px 12px; border-bottom: 1px solid #ddd; font-size: 13px; flex-wrap: wrap; }
      #signin button { font: inherit; padding: 3px 8px; cursor: pointer; }
      #root { flex: 1; min-height: 0; }
    </style>
  </head>
  <body class="no-focus-outline">
    <div id="signin">
      <strong>Incubator GraphQL</strong>
      <span id="signed-in">Not signed in.</span>
      ${demoPassword ? `<span>Sign in as:</span>${loginButtons}` : ''}
      <button type="button" id="sign-out">Sign out</button>
    </div>
    <div id="root"></div>
    <script>
      const DEMO_PASSWORD = ${escapeScript(demoPassword)};
      const stored = JSON.parse(localStorage.getItem('incubator-explorer-session') || 'null');
      document.getElementById('signed-in').textContent = stored ? 'Signed in as ' + stored.name + ' (' + stored.email + ').' : 'Not signed in.';
      async function signIn(email) {
        const response = await fetch(location.pathname, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($input: LoginInput!) { login(input: $input) { token viewer { name } userErrors { message } } }',
            variables: { input: { email, password: DEMO_PASSWORD } },
          }),
        });
        const { data } = await response.json();
        if (!data?.login?.token) return alert(data?.login?.userErrors?.[0]?.message ?? 'Sign-in failed');
        localStorage.setItem('incubator-explorer-session', JSON.stringify({ email, name: data.login.viewer.name, token: data.login.token }));
        location.reload();
      }
      for (const button of document.querySelectorAll('#signin button[data-email]')) button.onclick = () => signIn(button.dataset.email);
      document.getElementById('sign-out').onclick = () => {
        localStorage.removeItem('incubator-explorer-session');
        location.reload();
      };
      const blob = (content) => URL.createObjectURL(new Blob([content], { type: 'application/javascript' }));
      const workers = { editorWorkerService: blob(${escapeScript(editorWorkerService)}), json: blob(${escapeScript(jsonWorker)}), graphql: blob(${escapeScript(graphqlWorker)}) };
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script>${js.replace(/<\/script/gi, '<\\/script')}</script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), {
        endpoint: location.pathname,
        title: 'Incubator GraphQL',
        defaultQuery: ${escapeScript(DEFAULT_QUERY)},
        additionalHeaders: stored ? { authorization: 'Bearer ' + stored.token } : {},
        shouldPersistHeaders: false,
      });
    </script>
  </body>
</html>`;
}

/**
 * Serves the explorer to browsers: a GET that prefers HTML to JSON (a link to
 * `/graphql?query=…` opens that query in the explorer). Clients asking for JSON go on to GraphQL.
 */
export function explorer(logins: ExplorerLogin[], demoPassword: string | null): RequestHandler {
  let page: Promise<string> | null = null;
  return async (req, res, next) => {
    if (req.method !== 'GET' || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    page ??= explorerPage(logins, demoPassword);
    res.setHeader('Content-Security-Policy', EXPLORER_CSP);
    res.type('html').send(await page);
  };
}
