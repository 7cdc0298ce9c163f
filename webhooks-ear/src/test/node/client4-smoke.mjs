// Acceptance test: Mattermost's own JavaScript client (Client4 from @mattermost/client), unchanged,
// pointed at a running Hookline. Logs in as the admin, builds a team with a private channel and a
// second member, creates an incoming webhook, posts through /hooks/{id} and reads the post back.
//
// Environment: HOOKLINE_URL (e.g. http://localhost:8080), HOOKLINE_ADMIN_USERNAME, HOOKLINE_ADMIN_PASSWORD.
// Exit code 0 when every step passed; 1 with the failed step and the server's error otherwise.

// @mattermost/client is CommonJS and Node cannot see Client4 as a named export (index.js re-exports it
// through a getter), so take it from the default export.
import mattermost from '@mattermost/client';

const {Client4, ClientError} = mattermost;

const OVERALL_TIMEOUT_MS = 120_000;

const log = (line) => console.log(`[client4-smoke] ${line}`);

function fail(message) {
    throw new Error(message);
}

function env(name) {
    const value = process.env[name];
    if (!value) {
        fail(`environment variable ${name} is not set`);
    }
    return value;
}

// Client4 parses a body as JSON only when Content-Type is exactly "application/json" (no charset);
// otherwise it hands back the raw text. Catch that here so the failure names the cause.
function jsonObject(what, value, ...fields) {
    if (value === null || typeof value !== 'object') {
        fail(`${what}: Client4 did not get a JSON object back (got ${typeof value}: ${String(value).slice(0, 200)}). ` +
            'Client4 parses JSON only when the Content-Type header is exactly "application/json".');
    }
    for (const field of fields) {
        if (value[field] === undefined || value[field] === null || value[field] === '') {
            fail(`${what}: field "${field}" missing or empty in ${JSON.stringify(value).slice(0, 500)}`);
        }
    }
    return value;
}

function expectEqual(what, expected, actual) {
    if (expected !== actual) {
        fail(`${what}: expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`);
    }
}

let stepNumber = 0;
let currentStep = '(start)';

async function step(name, action) {
    stepNumber += 1;
    currentStep = `${stepNumber}. ${name}`;
    log(`step ${currentStep} ...`);
    const result = await action();
    log(`step ${currentStep}: OK${result && result.summary ? ` (${result.summary})` : ''}`);
    return result ? result.value : undefined;
}

function describe(error) {
    if (error instanceof ClientError) {
        return `Client4 request failed: status_code=${error.status_code} id=${error.server_error_id} ` +
            `message=${JSON.stringify(error.message)} detailed_error=${JSON.stringify(error.detailed_error)} ` +
            `url=${error.url}${error.cause ? ` cause=${error.cause}` : ''}`;
    }
    // fetch() wraps network errors ("fetch failed") and puts the reason (e.g. ECONNREFUSED) in cause.
    const cause = error && error.cause ? ` (cause: ${error.cause.message || error.cause})` : '';
    return `${error && error.message ? error.message : error}${cause}`;
}

async function main() {
    const url = env('HOOKLINE_URL').replace(/\/+$/, '');
    const adminUsername = env('HOOKLINE_ADMIN_USERNAME');
    const adminPassword = env('HOOKLINE_ADMIN_PASSWORD');

    // Lowercase letters and digits only, unique per run: time in base 36 plus some randomness.
    const suffix = Date.now().toString(36).slice(-6) + Math.random().toString(36).slice(2, 6).padEnd(4, '0');
    const teamName = `t${suffix}`; // 11 chars: team names are at most 15 and start with a letter
    const channelName = `private${suffix}`;
    const username = `u${suffix}`;
    const password = `Hk9${suffix}Zq`; // upper, lower and digit whatever the suffix is
    const text = `Hello from Client4 ${suffix}`;

    log(`Hookline at ${url}, @mattermost/client Client4, run suffix ${suffix}`);

    const client = new Client4();
    client.setUrl(url);

    const admin = await step(`login as ${adminUsername}`, async () => {
        const profile = jsonObject('login', await client.login(adminUsername, adminPassword), 'id', 'username');
        expectEqual('login: username', adminUsername, profile.username);
        // Client4 keeps the session only if the response carried a "Token" header.
        if (!client.getToken()) {
            fail('login: no "Token" response header, so Client4 has no session token for the next calls');
        }
        return {value: profile, summary: `user id ${profile.id}`};
    });

    const team = await step(`createTeam ${teamName}`, async () => {
        const created = jsonObject('createTeam', await client.createTeam({
            name: teamName,
            display_name: `Client4 team ${suffix}`,
            type: 'O',
        }), 'id', 'name');
        expectEqual('createTeam: name', teamName, created.name);
        return {value: created, summary: `team id ${created.id}`};
    });

    const channel = await step(`createChannel ${channelName} (private) in ${teamName}`, async () => {
        const created = jsonObject('createChannel', await client.createChannel({
            team_id: team.id,
            name: channelName,
            display_name: `Client4 private ${suffix}`,
            type: 'P',
            purpose: 'Client4 acceptance test',
            header: '',
        }), 'id', 'name', 'type', 'team_id');
        expectEqual('createChannel: type', 'P', created.type);
        expectEqual('createChannel: team_id', team.id, created.team_id);
        return {value: created, summary: `channel id ${created.id}`};
    });

    const user = await step(`createUser ${username}`, async () => {
        const created = jsonObject('createUser', await client.createUser({
            username,
            email: `${username}@example.com`,
            password,
        }), 'id', 'username');
        expectEqual('createUser: username', username, created.username);
        if ('password' in created && created.password) {
            fail('createUser: the response carries the password');
        }
        return {value: created, summary: `user id ${created.id}`};
    });

    await step(`addToTeam ${username} -> ${teamName}`, async () => {
        const member = jsonObject('addToTeam', await client.addToTeam(team.id, user.id), 'team_id', 'user_id');
        expectEqual('addToTeam: team_id', team.id, member.team_id);
        expectEqual('addToTeam: user_id', user.id, member.user_id);
        return {summary: `roles "${member.roles ?? ''}"`};
    });

    await step(`addToChannel ${username} -> ${channelName}`, async () => {
        const member = jsonObject('addToChannel', await client.addToChannel(user.id, channel.id),
            'channel_id', 'user_id');
        expectEqual('addToChannel: channel_id', channel.id, member.channel_id);
        expectEqual('addToChannel: user_id', user.id, member.user_id);
        return {summary: `roles "${member.roles ?? ''}"`};
    });

    const hook = await step(`createIncomingWebhook for ${channelName}`, async () => {
        const created = jsonObject('createIncomingWebhook', await client.createIncomingWebhook({
            channel_id: channel.id,
            display_name: 'Client4 smoke',
            description: 'created by client4-smoke.mjs',
        }), 'id', 'channel_id');
        expectEqual('createIncomingWebhook: channel_id', channel.id, created.channel_id);
        return {value: created, summary: `hook id ${created.id}`};
    });

    // The hook URL is what Slack-style senders use: no Client4, no credentials, just JSON.
    await step(`POST /hooks/${hook.id}`, async () => {
        const response = await fetch(`${url}/hooks/${hook.id}`, {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({text}),
        });
        const body = await response.text();
        expectEqual(`POST /hooks/${hook.id}: status (body ${JSON.stringify(body.slice(0, 300))})`, 200, response.status);
        expectEqual(`POST /hooks/${hook.id}: body`, 'ok', body);
        return {summary: '200 ok'};
    });

    const findPost = (what, list) => {
        jsonObject(what, list, 'order', 'posts');
        if (!Array.isArray(list.order)) {
            fail(`${what}: "order" is not an array`);
        }
        const posts = list.order.map((id) => list.posts[id]);
        const post = posts.find((p) => p && p.message === text);
        if (!post) {
            fail(`${what}: no post with message ${JSON.stringify(text)} among ${posts.length}: ` +
                JSON.stringify(posts.map((p) => p && p.message)).slice(0, 500));
        }
        expectEqual(`${what}: post channel_id`, channel.id, post.channel_id);
        return post;
    };

    await step(`getPosts on ${channelName} as ${adminUsername}`, async () => {
        const post = findPost('getPosts (admin)', await client.getPosts(channel.id));
        return {summary: `post ${post.id} by ${post.user_id}${post.user_id === admin.id ? ' (the admin)' : ''}`};
    });

    // The second user is a member of the private channel, so they see the post too.
    await step(`login as ${username} and getPosts on ${channelName}`, async () => {
        const member = new Client4();
        member.setUrl(url);
        jsonObject('login (second user)', await member.login(username, password), 'id');
        if (!member.getToken()) {
            fail('login (second user): no "Token" response header');
        }
        const post = findPost('getPosts (second user)', await member.getPosts(channel.id));
        return {summary: `post ${post.id} visible to ${username}`};
    });

    log(`PASSED: ${stepNumber} steps`);
}

// A hung server must not hang the build: Client4's fetch calls have no timeout of their own.
const watchdog = setTimeout(() => {
    console.error(`[client4-smoke] FAILED at step ${currentStep}: no answer within ${OVERALL_TIMEOUT_MS / 1000} s`);
    process.exit(1);
}, OVERALL_TIMEOUT_MS);

main().then(() => {
    clearTimeout(watchdog);
}, (error) => {
    clearTimeout(watchdog);
    console.error(`[client4-smoke] FAILED at step ${currentStep}: ${describe(error)}`);
    process.exitCode = 1;
});
