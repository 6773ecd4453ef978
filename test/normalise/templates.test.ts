/**
 * Path templating over real API shapes, both directions of error: ids that must merge into one
 * endpoint (false splits) and literals that must stay their own endpoint (false merges). Every
 * fixture is synthetic but shaped like the named API.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENTS, templatePaths } from '../../src/normalise/templates.js';
import { makeExchange as exchange, line, testContext } from '../support/exchange.js';

interface Case {
  api: string;
  name: string;
  lines: string[];
  /** The distinct `METHOD path` templates expected, in any order. */
  expected: string[];
  hints?: string[];
}

const UUIDS = ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '16fd2706-8baf-433b-82eb-8c7fada847da'];
const GIZMOS = ['g-p-676071f578e48191bb71c4c1757ce2ec', 'g-p-689f1bab49d081918a1a8b99c1dbca96', 'g-p-68c18170dd9c8191bc4ca1f735fb1fd4'];
const USER = '{login,id,avatar_url,type}';
const REPO = '{id,name,full_name,owner,private}';

const cases: Case[] = [
  // GitHub
  {
    api: 'github',
    name: 'issue numbers merge, a single owner/repo stays as seen',
    lines: ['GET /repos/octocat/hello-world/issues/1347', 'GET /repos/octocat/hello-world/issues/1348'],
    expected: ['GET /repos/octocat/hello-world/issues/{issue_id}'],
  },
  {
    api: 'github',
    name: 'user logins with one response shape merge',
    lines: [`GET /users/octocat -> ${USER}`, `GET /users/torvalds -> ${USER}`, `GET /users/defunkt -> ${USER}`],
    expected: ['GET /users/{user_id}'],
  },
  {
    api: 'github',
    name: 'two logins are not yet many',
    lines: [`GET /users/octocat -> ${USER}`, `GET /users/torvalds -> ${USER}`],
    expected: ['GET /users/octocat', 'GET /users/torvalds'],
  },
  {
    api: 'github',
    name: 'reserved "me" stays beside the logins',
    lines: [`GET /users/me -> {login,plan}`, `GET /users/octocat -> ${USER}`, `GET /users/torvalds -> ${USER}`, `GET /users/defunkt -> ${USER}`],
    expected: ['GET /users/me', 'GET /users/{user_id}'],
  },
  {
    api: 'github',
    name: 'sub-resources of the singular /user stay literal',
    lines: ['GET /user/repos -> [{id,name,full_name}]', 'GET /user/orgs -> [{login,id,url}]', 'GET /user/emails -> [{email,primary,verified}]'],
    expected: ['GET /user/emails', 'GET /user/orgs', 'GET /user/repos'],
  },
  {
    api: 'github',
    name: 'org logins merge on a shared continuation',
    lines: ['GET /orgs/acme/repos', 'GET /orgs/initech/repos', 'GET /orgs/globex/repos'],
    expected: ['GET /orgs/{org_id}/repos'],
  },
  {
    api: 'github',
    name: 'search kinds are endpoints, not values',
    lines: ['GET /search/repositories -> {total_count,items}', 'GET /search/issues -> {total_count,items}', 'GET /search/users -> {total_count,items}'],
    expected: ['GET /search/issues', 'GET /search/repositories', 'GET /search/users'],
  },
  {
    api: 'github',
    name: 'commit shas (40 hex)',
    lines: [
      'GET /repos/octocat/hello-world/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e',
      'GET /repos/octocat/hello-world/commits/7638417db6d59f3c431d3e1f261cc637155684cd',
    ],
    expected: ['GET /repos/octocat/hello-world/commits/{commit_id}'],
  },
  { api: 'github', name: 'gist ids (20 hex)', lines: ['GET /gists/aa5a315d61ae9438b18d'], expected: ['GET /gists/{gist_id}'] },
  {
    api: 'github',
    name: 'pull numbers with a nested literal',
    lines: ['GET /repos/octocat/hello-world/pulls/12/comments', 'GET /repos/octocat/hello-world/pulls/13/comments', 'GET /repos/octocat/hello-world/pulls/13'],
    expected: ['GET /repos/octocat/hello-world/pulls/{pull_id}', 'GET /repos/octocat/hello-world/pulls/{pull_id}/comments'],
  },
  {
    api: 'github',
    name: 'owners and repos merge when each owner has repos of its own',
    lines: [`GET /repos/octocat/hello-world -> ${REPO}`, `GET /repos/torvalds/linux -> ${REPO}`, `GET /repos/facebook/react -> ${REPO}`],
    expected: ['GET /repos/{repo_owner}/{repo_id}'],
  },
  {
    api: 'github',
    name: 'a sub-resource of one repo does not split owners and repos',
    lines: [
      `GET /repos/octocat/hello-world -> ${REPO}`,
      `GET /repos/torvalds/linux -> ${REPO}`,
      `GET /repos/facebook/react -> ${REPO}`,
      'GET /repos/facebook/react/issues -> []',
    ],
    expected: ['GET /repos/{repo_owner}/{repo_id}', 'GET /repos/{repo_owner}/{repo_id}/issues'],
  },
  {
    api: 'github',
    name: 'plural sub-resources under a user id stay apart',
    lines: [
      'GET /users/101/followers -> [{login,id}]',
      'GET /users/102/following -> [{login,id}]',
      'GET /users/103/subscribers -> [{login,id}]',
      'GET /users/104 -> {login,id}',
    ],
    expected: ['GET /users/{user_id}', 'GET /users/{user_id}/followers', 'GET /users/{user_id}/following', 'GET /users/{user_id}/subscribers'],
  },
  {
    api: 'github',
    name: 'a hint names owner and repo',
    hints: ['/repos/{owner}/{repo}'],
    lines: ['GET /repos/octocat/hello-world/issues/1347', 'GET /repos/octocat/hello-world'],
    expected: ['GET /repos/{owner}/{repo}', 'GET /repos/{owner}/{repo}/issues/{issue_id}'],
  },
  {
    api: 'github',
    name: 'sub-resources of one user are not values',
    lines: [
      'GET /users/1234/repos -> [{id,name}]',
      'GET /users/1234/followers -> [{login,id}]',
      'GET /users/1234/following -> [{login,id}]',
      'GET /users/1234/gists -> [{id,files}]',
    ],
    expected: ['GET /users/{user_id}/followers', 'GET /users/{user_id}/following', 'GET /users/{user_id}/gists', 'GET /users/{user_id}/repos'],
  },
  {
    api: 'github',
    name: 'sub-resources recurring under several users are not values',
    lines: [
      'GET /users/1/repos -> [{id}]',
      'GET /users/2/repos -> [{id}]',
      'GET /users/1/orgs -> [{id}]',
      'GET /users/2/orgs -> [{id}]',
      'GET /users/3/gists -> [{id}]',
    ],
    expected: ['GET /users/{user_id}/gists', 'GET /users/{user_id}/orgs', 'GET /users/{user_id}/repos'],
  },

  // Stripe
  {
    api: 'stripe',
    name: 'customer ids with the cus_ prefix',
    lines: ['GET /v1/customers/cus_NffrFeUfNV2Hib', 'GET /v1/customers/cus_OtherCust42Ab'],
    expected: ['GET /v1/customers/{customer_id}'],
  },
  {
    api: 'stripe',
    name: 'search stays beside customer ids',
    lines: ['GET /v1/customers/search', 'GET /v1/customers/cus_NffrFeUfNV2Hib'],
    expected: ['GET /v1/customers/search', 'GET /v1/customers/{customer_id}'],
  },
  {
    api: 'stripe',
    name: 'payment intent action',
    lines: ['POST /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm', 'POST /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPb/confirm'],
    expected: ['POST /v1/payment_intents/{payment_intent_id}/confirm'],
  },
  {
    api: 'stripe',
    name: 'collections under the version are endpoints',
    lines: [
      'GET /v1/charges -> {object,data,has_more}',
      'GET /v1/customers -> {object,data,has_more}',
      'GET /v1/invoices -> {object,data,has_more}',
      'GET /v1/products -> {object,data,has_more}',
    ],
    expected: ['GET /v1/charges', 'GET /v1/customers', 'GET /v1/invoices', 'GET /v1/products'],
  },
  { api: 'stripe', name: 'price ids', lines: ['GET /v1/prices/price_1MoBy5LkdIwHu7ixZhnattbh'], expected: ['GET /v1/prices/{price_id}'] },
  {
    api: 'stripe',
    name: 'two nested ids get two names',
    lines: ['GET /v1/accounts/acct_1032D82eZvKYlo2C/external_accounts/ba_1NAinX2eZvKYlo2CMNYGEHTx'],
    expected: ['GET /v1/accounts/{account_id}/external_accounts/{external_account_id}'],
  },
  {
    api: 'stripe',
    name: 'same position, same name across methods',
    lines: ['GET /v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs', 'DELETE /v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzt'],
    expected: ['DELETE /v1/subscriptions/{subscription_id}', 'GET /v1/subscriptions/{subscription_id}'],
  },

  // Slack
  {
    api: 'slack',
    name: 'Web API methods under /api stay endpoints',
    lines: [
      'POST /api/chat.postMessage -> {ok,channel,ts}',
      'POST /api/conversations.list -> {ok,channels}',
      'POST /api/users.info -> {ok,user}',
      'POST /api/conversations.history -> {ok,messages}',
    ],
    expected: ['POST /api/chat.postMessage', 'POST /api/conversations.history', 'POST /api/conversations.list', 'POST /api/users.info'],
  },
  {
    api: 'slack',
    name: 'methods with the same envelope still stay endpoints',
    lines: ['POST /api/auth.test -> {ok}', 'POST /api/api.test -> {ok}', 'POST /api/chat.delete -> {ok}'],
    expected: ['POST /api/api.test', 'POST /api/auth.test', 'POST /api/chat.delete'],
  },
  { api: 'slack', name: 'channel ids in a path', lines: ['GET /archives/C024BE91L', 'GET /archives/C0G9QF9GW'], expected: ['GET /archives/{archive_id}'] },

  // ChatGPT
  {
    api: 'chatgpt',
    name: "literal siblings do not ride along on the ids' shared continuation",
    lines: [
      ...GIZMOS.map((g) => `GET /backend-api/gizmos/${g}/conversations`),
      'GET /backend-api/gizmos/g-p-79041c93d82947f21ecb6149e05606ad/conversations',
      'GET /backend-api/gizmos/snorlax/sidebar',
      'GET /backend-api/gizmos/discovery',
      'GET /backend-api/gizmos/pinned',
      'GET /backend-api/gizmos/bootstrap -> {gizmos}',
    ],
    expected: [
      'GET /backend-api/gizmos/bootstrap',
      'GET /backend-api/gizmos/discovery',
      'GET /backend-api/gizmos/pinned',
      'GET /backend-api/gizmos/snorlax/sidebar',
      'GET /backend-api/gizmos/{gizmo_id}/conversations',
    ],
  },
  {
    api: 'github',
    name: 'logins with and without digits are one parameter',
    lines: ['GET /users/john123x9k2/profile', 'GET /users/alice/profile', 'GET /users/bob/profile', 'GET /users/carol/profile'],
    expected: ['GET /users/{user_id}/profile'],
  },
  {
    api: 'chatgpt',
    name: 'conversation uuids',
    lines: UUIDS.map((u) => `GET /backend-api/conversation/${u}`),
    expected: ['GET /backend-api/conversation/{conversation_id}'],
  },
  {
    api: 'chatgpt',
    name: 'project ids beside a literal sibling',
    lines: [...GIZMOS.map((g) => `GET /backend-api/gizmos/${g}/conversations`), 'GET /backend-api/gizmos/snorlax/sidebar'],
    expected: ['GET /backend-api/gizmos/snorlax/sidebar', 'GET /backend-api/gizmos/{gizmo_id}/conversations'],
  },
  {
    api: 'chatgpt',
    name: 'words under the API root are endpoints',
    lines: [
      'GET /backend-api/me -> {id,name}',
      'GET /backend-api/settings -> {id,name}',
      'GET /backend-api/models -> {models}',
      'GET /backend-api/memories -> {memories}',
    ],
    expected: ['GET /backend-api/me', 'GET /backend-api/memories', 'GET /backend-api/models', 'GET /backend-api/settings'],
  },
  {
    api: 'chatgpt',
    name: 'a download names its id from the file- prefix',
    lines: ['GET /backend-api/files/download/file-6DWaTbWH9v4CUjEy30nk9z', 'GET /backend-api/files/download/file-7J6CokwPnnrnLeZgPOFWQj'],
    expected: ['GET /backend-api/files/download/{file_id}'],
  },
  {
    api: 'chatgpt',
    name: 'actions beside conversation ids stay literal',
    lines: [
      `GET /backend-api/conversation/${UUIDS[0]}/stream_status`,
      `GET /backend-api/conversation/${UUIDS[1]}/textdocs`,
      'POST /backend-api/conversation/init',
      'POST /backend-api/conversation/experimental/generate_autocompletions',
    ],
    expected: [
      'GET /backend-api/conversation/{conversation_id}/stream_status',
      'GET /backend-api/conversation/{conversation_id}/textdocs',
      'POST /backend-api/conversation/experimental/generate_autocompletions',
      'POST /backend-api/conversation/init',
    ],
  },
  {
    api: 'chatgpt',
    name: 'settings are named sub-resources',
    lines: [
      'GET /backend-api/settings/user -> {settings}',
      'GET /backend-api/settings/voices -> {voices}',
      'GET /backend-api/settings/beta_features -> {features}',
    ],
    expected: ['GET /backend-api/settings/beta_features', 'GET /backend-api/settings/user', 'GET /backend-api/settings/voices'],
  },
  {
    api: 'chatgpt',
    name: 'ecosystem actions stay literal',
    lines: [
      'GET /backend-api/ecosystem/widget -> {html}',
      'POST /backend-api/ecosystem/widget_state -> {ok}',
      'POST /backend-api/ecosystem/call_mcp -> {result}',
    ],
    expected: ['GET /backend-api/ecosystem/widget', 'POST /backend-api/ecosystem/call_mcp', 'POST /backend-api/ecosystem/widget_state'],
  },
  {
    api: 'chatgpt',
    name: 'two steps of one flow stay literal',
    lines: ['POST /backend-api/sentinel/chat-requirements/prepare', 'POST /backend-api/sentinel/chat-requirements/finalize'],
    expected: ['POST /backend-api/sentinel/chat-requirements/finalize', 'POST /backend-api/sentinel/chat-requirements/prepare'],
  },
  {
    api: 'chatgpt',
    name: 'GET and PATCH share the parameter name',
    lines: [`GET /backend-api/conversation/${UUIDS[0]}`, `PATCH /backend-api/conversation/${UUIDS[1]}`],
    expected: ['GET /backend-api/conversation/{conversation_id}', 'PATCH /backend-api/conversation/{conversation_id}'],
  },
  {
    api: 'chatgpt',
    name: 'a dated model version stays literal',
    lines: ['GET /v4-2023-04-27/models', 'GET /v4-2023-04-27/engines'],
    expected: ['GET /v4-2023-04-27/engines', 'GET /v4-2023-04-27/models'],
  },

  // Shopify-like
  {
    api: 'shopify',
    name: 'order ids with a .json suffix',
    lines: ['GET /admin/api/2024-01/orders/450789469.json', 'GET /admin/api/2024-01/orders/450789470.json'],
    expected: ['GET /admin/api/2024-01/orders/{order_id}.json'],
  },
  {
    api: 'shopify',
    name: 'the collection and count stay literal',
    lines: ['GET /admin/api/2024-01/orders.json', 'GET /admin/api/2024-01/orders/count.json', 'GET /admin/api/2024-01/orders/450789469.json'],
    expected: ['GET /admin/api/2024-01/orders.json', 'GET /admin/api/2024-01/orders/count.json', 'GET /admin/api/2024-01/orders/{order_id}.json'],
  },
  {
    api: 'shopify',
    name: 'nested product images',
    lines: ['GET /admin/api/2024-01/products/632910392/images/850703190.json', 'GET /admin/api/2024-01/products/632910393/images/850703191.json'],
    expected: ['GET /admin/api/2024-01/products/{product_id}/images/{image_id}.json'],
  },
  {
    api: 'shopify',
    name: 'API versions are not dates',
    lines: ['GET /admin/api/2023-10/shop.json', 'GET /admin/api/2024-01/shop.json'],
    expected: ['GET /admin/api/2023-10/shop.json', 'GET /admin/api/2024-01/shop.json'],
  },
  {
    api: 'shopify',
    name: 'product handles merge on a shared continuation',
    lines: ['GET /products/blue-shirt/reviews', 'GET /products/red-hat/reviews', 'GET /products/green-socks/reviews'],
    expected: ['GET /products/{product_id}/reviews'],
  },

  // Numeric REST
  { api: 'rest', name: 'user ids', lines: ['GET /api/users/2', 'GET /api/users/3'], expected: ['GET /api/users/{user_id}'] },
  {
    api: 'rest',
    name: 'nested numeric ids',
    lines: ['GET /api/users/2/posts/15', 'GET /api/users/3/posts/16'],
    expected: ['GET /api/users/{user_id}/posts/{post_id}'],
  },
  {
    api: 'rest',
    name: '"new" beside item ids',
    lines: ['GET /items/42', 'GET /items/43', 'GET /items/new'],
    expected: ['GET /items/new', 'GET /items/{item_id}'],
  },
  {
    api: 'rest',
    name: 'a numeric API version after /api',
    lines: ['GET /api/3/action/package_show', 'GET /api/3/action/package_list'],
    expected: ['GET /api/3/action/package_list', 'GET /api/3/action/package_show'],
  },
  {
    api: 'rest',
    name: 'a numeric version right after the API root, beside resources',
    lines: ['GET /api/1/status', 'GET /api/users/2', 'GET /api/items/3'],
    expected: ['GET /api/1/status', 'GET /api/items/{item_id}', 'GET /api/users/{user_id}'],
  },
  {
    api: 'rest',
    name: 'a numeric version after rest/api without a detected root',
    lines: ['GET /rest/api/2/issue/10', 'GET /other/1', 'GET /else/2', 'GET /more/3'],
    expected: ['GET /else/{else_id}', 'GET /more/{more_id}', 'GET /other/{other_id}', 'GET /rest/api/2/issue/{issue_id}'],
  },
  {
    api: 'rest',
    name: 'small integers after gateway and stage words are ids',
    lines: [
      'GET /api/services/1 -> {id,name}',
      'GET /api/services/2 -> {id,name}',
      'GET /api/services/17 -> {id,name}',
      'GET /api/services/123 -> {id,name}',
      'GET /api/public/7',
      'GET /api/public/8',
      'GET /api/orders/1',
    ],
    expected: ['GET /api/orders/{order_id}', 'GET /api/public/{id}', 'GET /api/services/{service_id}'],
  },
  {
    api: 'rest',
    name: 'a small integer after a versioned root is an id',
    lines: ['GET /api/v2/123', 'GET /api/v2/456', 'GET /api/v2/items'],
    expected: ['GET /api/v2/items', 'GET /api/v2/{id}'],
  },
  {
    api: 'rest',
    name: 'v1 and v2 stay apart',
    lines: ['GET /v1/items/7', 'GET /v2/items/8'],
    expected: ['GET /v1/items/{item_id}', 'GET /v2/items/{item_id}'],
  },
  {
    api: 'rest',
    name: 'many versions under /api are not values',
    lines: ['GET /api/v1/status -> {ok}', 'GET /api/v2/status -> {ok}', 'GET /api/v3/status -> {ok}'],
    expected: ['GET /api/v1/status', 'GET /api/v2/status', 'GET /api/v3/status'],
  },
  { api: 'rest', name: 'three levels of ids', lines: ['GET /orgs/1/teams/2/members/3'], expected: ['GET /orgs/{org_id}/teams/{team_id}/members/{member_id}'] },
  { api: 'rest', name: 'snowflake ids', lines: ['GET /tweets/1460323737035677698'], expected: ['GET /tweets/{tweet_id}'] },
  {
    api: 'rest',
    name: 'irregular plural',
    lines: ['GET /people/7', 'GET /categories/12', 'GET /boxes/3'],
    expected: ['GET /boxes/{box_id}', 'GET /categories/{category_id}', 'GET /people/{person_id}'],
  },
  {
    api: 'rest',
    name: 'the same name twice in one template is numbered',
    lines: ['GET /files/12/files/13'],
    expected: ['GET /files/{file_id}/files/{file_id2}'],
  },
  { api: 'rest', name: 'an id right after another id', lines: ['GET /matrix/3/4'], expected: ['GET /matrix/{matrix_id}/{id}'] },

  // GraphQL
  {
    api: 'graphql',
    name: 'one endpoint for every operation',
    lines: ['POST /graphql -> {data}', 'POST /graphql -> {data}', 'POST /graphql -> {errors}'],
    expected: ['POST /graphql'],
  },
  {
    api: 'graphql',
    name: 'GET and POST on /api/graphql',
    lines: ['GET /api/graphql -> {data}', 'POST /api/graphql -> {data}'],
    expected: ['GET /api/graphql', 'POST /api/graphql'],
  },

  // Dated reports
  {
    api: 'reports',
    name: 'daily reports by date',
    lines: ['GET /reports/daily/2024-03-01', 'GET /reports/daily/2024-03-02'],
    expected: ['GET /reports/daily/{date}'],
  },
  {
    api: 'reports',
    name: 'monthly reports by year-month',
    lines: ['GET /reports/monthly/2024-03', 'GET /reports/monthly/2024-04'],
    expected: ['GET /reports/monthly/{date}'],
  },
  { api: 'reports', name: 'date-times', lines: ['GET /events/since/2024-03-01T10:00:00Z'], expected: ['GET /events/since/{date}'] },
  { api: 'reports', name: 'a date range gets two names', lines: ['GET /stats/range/2024-01-01/2024-01-31'], expected: ['GET /stats/range/{date}/{date2}'] },

  // Slugs
  {
    api: 'slugs',
    name: 'blog post slugs with one response shape',
    lines: [
      'GET /blog/posts/hello-world -> {title,body,slug}',
      'GET /blog/posts/second-post -> {title,body,slug}',
      'GET /blog/posts/release-notes-2023 -> {title,body,slug}',
    ],
    expected: ['GET /blog/posts/{post_id}'],
  },
  {
    api: 'slugs',
    name: 'sub-resources answering empty lists are not values',
    lines: [`GET /conversation/${UUIDS[0]}/textdocs -> []`, `GET /conversation/${UUIDS[1]}/files -> []`, `GET /conversation/${UUIDS[2]}/attachments -> []`],
    expected: ['GET /conversation/{conversation_id}/attachments', 'GET /conversation/{conversation_id}/files', 'GET /conversation/{conversation_id}/textdocs'],
  },
  {
    api: 'slugs',
    name: 'a one-key envelope is no evidence',
    lines: [
      'POST /pipeline/stages/build -> {ok}',
      'POST /pipeline/stages/lint -> {ok}',
      'POST /pipeline/stages/deploy -> {ok}',
      'POST /pipeline/stages/package -> {ok}',
    ],
    expected: ['POST /pipeline/stages/build', 'POST /pipeline/stages/deploy', 'POST /pipeline/stages/lint', 'POST /pipeline/stages/package'],
  },
  {
    api: 'slugs',
    name: 'documentation pages stay literal',
    lines: ['GET /docs/getting-started -> {html}', 'GET /docs/api-reference -> {html}', 'GET /docs/faq -> {html}'],
    expected: ['GET /docs/api-reference', 'GET /docs/faq', 'GET /docs/getting-started'],
  },
  {
    api: 'slugs',
    name: 'slugs with different responses stay literal',
    lines: ['GET /widgets/dashboard -> {panels}', 'GET /widgets/weather -> {temperature,city}', 'GET /widgets/clock -> {time}'],
    expected: ['GET /widgets/clock', 'GET /widgets/dashboard', 'GET /widgets/weather'],
  },
  {
    api: 'slugs',
    name: 'words without bodies to compare stay literal',
    lines: ['DELETE /caches/pages', 'DELETE /caches/images', 'DELETE /caches/fonts'],
    expected: ['DELETE /caches/fonts', 'DELETE /caches/images', 'DELETE /caches/pages'],
  },
  {
    api: 'slugs',
    name: 'words at the first segment stay literal',
    lines: ['GET /alice -> {name}', 'GET /bob -> {name}', 'GET /carol -> {name}'],
    expected: ['GET /alice', 'GET /bob', 'GET /carol'],
  },
  {
    api: 'slugs',
    name: 'a camelCase method name is a word',
    lines: ['POST /ServerService.svc/json/GetNavigationMenu2'],
    expected: ['POST /ServerService.svc/json/GetNavigationMenu2'],
  },
  { api: 'slugs', name: 'a model number is a word', lines: ['GET /products/hearing/clear220'], expected: ['GET /products/hearing/clear220'] },

  // Other id shapes
  {
    api: 'ids',
    name: 'ULIDs',
    lines: ['GET /events/01ARZ3NDEKTSV4RRFFQ69G5FAV', 'GET /events/01BX5ZZKBKACTAV9WEVGEMMVRZ'],
    expected: ['GET /events/{event_id}'],
  },
  { api: 'ids', name: 'ObjectIds', lines: ['GET /posts/507f1f77bcf86cd799439011'], expected: ['GET /posts/{post_id}'] },
  {
    api: 'ids',
    name: 'percent-encoded emails',
    lines: ['GET /subscribers/alex%40example.com', 'GET /subscribers/sam%40example.org'],
    expected: ['GET /subscribers/{email}'],
  },
  {
    api: 'ids',
    name: 'emails under a lookup word',
    lines: ['GET /api/users/by-email/alex@example.com', 'GET /api/users/by-email/sam@example.org', 'GET /api/users/7'],
    expected: ['GET /api/users/by-email/{email}', 'GET /api/users/{user_id}'],
  },
  {
    api: 'ids',
    name: 'redaction placeholders are ids',
    lines: ['GET /share/<token:1>', 'GET /share/<token:2>', 'GET /invites/<email:1>'],
    expected: ['GET /invites/{email}', 'GET /share/{share_id}'],
  },
  { api: 'ids', name: 'nanoids', lines: ['GET /books/WjE9O1d8ELCb8POiOw4pn', 'GET /books/NjpTwgmENj11rGdUgpCQ9'], expected: ['GET /books/{book_id}'] },
  { api: 'ids', name: 'a lookalike of an id joins it', lines: ['GET /sync/id/P2JCJH3E2SNA', 'GET /sync/id/P2JCJHVKKCNN'], expected: ['GET /sync/id/{id}'] },
  {
    api: 'ids',
    name: 'matrix parameter values are dropped',
    lines: ['GET /shop/cart;jsessionid=A1B2C3D4E5', 'GET /shop/cart;jsessionid=F6G7H8I9J0'],
    expected: ['GET /shop/cart;jsessionid'],
  },
  { api: 'ids', name: 'dashed hex device ids', lines: ['GET /devices/00008101-001C59490C80801E/status'], expected: ['GET /devices/{device_id}/status'] },
  { api: 'ids', name: 'video ids (base64url, 11 chars)', lines: ['GET /videos/dQw4w9WgXcQ', 'GET /videos/9bZkp7q19f0'], expected: ['GET /videos/{video_id}'] },
  { api: 'ids', name: 'base64 JSON contexts', lines: ['GET /meval/eyJhbm9ueW1vdXMiOnRydWUsImtleSI6Im1pbnQifQ'], expected: ['GET /meval/{meval_id}'] },
  { api: 'ids', name: 'a slug with a year is not an id', lines: ['GET /changelog/release-notes-2023'], expected: ['GET /changelog/release-notes-2023'] },

  // Hints
  {
    api: 'hints',
    name: 'a parameter hint and a literal hint',
    hints: ['/post/{post_id}', '/post/new'],
    lines: ['GET /post/hello', 'GET /post/world', 'GET /post/new'],
    expected: ['GET /post/new', 'GET /post/{post_id}'],
  },
  {
    api: 'hints',
    name: 'the literal hint wins whatever the order',
    hints: ['/post/new', '/post/{post_id}'],
    lines: ['GET /post/hello', 'GET /post/new/draft'],
    expected: ['GET /post/new/draft', 'GET /post/{post_id}'],
  },
  {
    api: 'hints',
    name: '^ keeps every value literal',
    hints: ['/wiki/^'],
    lines: ['GET /wiki/123', 'GET /wiki/456'],
    expected: ['GET /wiki/123', 'GET /wiki/456'],
  },
  {
    api: 'hints',
    name: 'a literal hint keeps an id-shaped value',
    hints: ['/releases/2024-01-01'],
    lines: ['GET /releases/2024-01-01', 'GET /releases/2024-02-01'],
    expected: ['GET /releases/2024-01-01', 'GET /releases/{date}'],
  },
  {
    api: 'hints',
    name: '* leaves a position to the heuristics',
    hints: ['/*/items/{item}'],
    lines: ['GET /v1/items/abc', 'GET /v1/items/42', 'GET /v2/items/def'],
    expected: ['GET /v1/items/{item}', 'GET /v2/items/{item}'],
  },
  {
    api: 'hints',
    name: 'a host-qualified hint applies to its host only',
    hints: ['other.example.com/post/{post_id}'],
    lines: ['GET /post/hello', 'GET other.example.com/post/hello'],
    expected: ['GET /post/hello', 'GET /post/{post_id}'],
  },
  // Django REST Framework: the trailing slash is part of the route.
  {
    api: 'drf',
    name: 'trailing slashes are kept as the client sent them',
    lines: ['POST /api/v1/auth/login/', 'GET /api/v1/articles/12/', 'GET /api/v1/articles/13/', 'GET /api/v1/articles/'],
    expected: ['POST /api/v1/auth/login/', 'GET /api/v1/articles/{article_id}/', 'GET /api/v1/articles/'],
  },
  {
    api: 'drf',
    name: 'with and without the slash are two endpoints',
    lines: ['GET /api/items/', 'GET /api/items'],
    expected: ['GET /api/items/', 'GET /api/items'],
  },
  { api: 'socket.io', name: 'the handshake path keeps its slash', lines: ['GET /socket.io/'], expected: ['GET /socket.io/'] },
  // Matrix client-server API: ids carry a sigil and a server, often percent-encoded.
  {
    api: 'matrix',
    name: 'room ids with a sigil and a server, percent-encoded or not, are one parameter',
    lines: [
      'GET /_matrix/client/v3/rooms/%21AbCdEfGh:example.org/messages',
      'GET /_matrix/client/v3/rooms/!XyZwVuTs:example.org/messages',
      'GET /_matrix/client/v3/rooms/%21QrStUvWx%3Aexample.org/state',
    ],
    expected: ['GET /_matrix/client/v3/rooms/{room_id}/messages', 'GET /_matrix/client/v3/rooms/{room_id}/state'],
  },
  {
    api: 'matrix',
    name: 'a single room id is still an id, and the action after it stays literal',
    lines: [
      'PUT /_matrix/client/v3/rooms/!AbCdEfGh:example.org/send/m.room.message/m1700000000000.0',
      'GET /_matrix/client/v3/rooms/!AbCdEfGh:example.org/members',
    ],
    expected: ['PUT /_matrix/client/v3/rooms/{room_id}/send/m.room.message/{transaction_id}', 'GET /_matrix/client/v3/rooms/{room_id}/members'],
  },
  {
    api: 'matrix',
    name: 'event and user ids',
    lines: ['GET /_matrix/client/v3/profile/@alice:example.org', 'GET /_matrix/client/v3/rooms/!AbCdEfGh:example.org/event/$Qw8rTy5uIo2pAs4dFg6hJk'],
    expected: ['GET /_matrix/client/v3/profile/{user_id}', 'GET /_matrix/client/v3/rooms/{room_id}/event/{event_id}'],
  },
  // One id, one name: the collection that lists the ids names them everywhere.
  {
    api: 'drf',
    name: 'the same article ids under another collection keep the article name',
    lines: [
      'GET /api/articles/',
      `GET /api/articles/${UUIDS[0]}/`,
      `GET /api/articles/${UUIDS[1]}/`,
      `POST /api/bookmarks/${UUIDS[0]}/`,
      `POST /api/bookmarks/${UUIDS[1]}/`,
      `POST /api/rate/${UUIDS[2]}/`,
      `GET /api/articles/${UUIDS[2]}/`,
    ],
    expected: ['GET /api/articles/', 'GET /api/articles/{article_id}/', 'POST /api/bookmarks/{article_id}/', 'POST /api/rate/{article_id}/'],
  },
  {
    api: 'rest',
    name: 'small numbers shared by chance do not rename',
    lines: ['GET /api/orders', 'GET /api/orders/1', 'GET /api/orders/2', 'GET /api/pages/1', 'GET /api/pages/2'],
    expected: ['GET /api/orders', 'GET /api/orders/{order_id}', 'GET /api/pages/{page_id}'],
  },
  // Values that say what they are.
  {
    api: 'rest',
    name: '0/1 switches after an id are flags, not ids',
    lines: ['POST /api/missions/17/0/1', 'POST /api/missions/18/1/0'],
    expected: ['POST /api/missions/{mission_id}/{flag}/{flag2}'],
  },
  {
    api: 'rest',
    name: 'phone numbers are phones, not ids of the collection',
    lines: ['GET /api/reports/+306912345678', 'GET /api/reports/06912345670'],
    expected: ['GET /api/reports/{phone}'],
  },
];

function templates(test: Case): string[] {
  const ctx = testContext({ hints: test.hints ?? [] });
  return [...new Set(templatePaths(test.lines.map(line), ctx).groups.map((g) => `${g.method} ${g.path}`))].sort();
}

describe('templatePaths on real API shapes', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [`${c.api}: ${c.name}`, c] as const))('%s', (_title, test) => {
    expect(templates(test)).toEqual([...test.expected].sort());
  });
});

describe('path parameters', () => {
  it('counts distinct values and records the pattern, not the list of ids', () => {
    const lines = [...GIZMOS, GIZMOS[0]].map((g) => `GET /backend-api/gizmos/${g}/conversations`);
    const { groups } = templatePaths(lines.map(line), testContext());
    expect(groups).toHaveLength(1);
    expect(groups[0]!.pathParams).toEqual([
      expect.objectContaining({ name: 'gizmo_id', position: 2, kind: 'prefixed', pattern: 'g-p-<32 hex>', distinct: 3, regex: '^g-p-[0-9a-fA-F]{32}$' }),
    ]);
    expect(JSON.stringify(groups[0]!.pathParams)).not.toContain(GIZMOS[1]);
  });

  it('says why: identifiers, alike words, or a hint', () => {
    const lines = [
      `GET /users/octocat -> ${USER}`,
      `GET /users/torvalds -> ${USER}`,
      `GET /users/defunkt -> ${USER}`,
      'GET /items/42',
      'GET /items/new',
      'GET /post/hello',
    ];
    const { groups } = templatePaths(lines.map(line), testContext({ hints: ['/post/{slug}'] }));
    const reasons = Object.fromEntries(groups.flatMap((g) => g.pathParams.map((p) => [p.name, p.reason])));
    expect(reasons.item_id).toBe('values are identifiers (integer); literal sibling(s) kept: new');
    expect(reasons.user_id).toBe('3 distinct words under "users", none a literal: their responses share their keys');
    expect(reasons.slug).toBe('hint /post/{slug}');
  });

  it('looks inside a small envelope to compare responses', () => {
    const lines = ['dune', 'emma', 'ulysses'].map((slug) =>
      exchange({ path: `/books/${slug}`, responseJson: { data: { title: slug, author: 'x', year: 1 } } }),
    );
    expect(templatePaths(lines, testContext()).groups.map((g) => g.path)).toEqual(['/books/{book_id}']);
  });

  it('reports words kept literal against the count rule, with a hint to give', () => {
    const ctx = testContext();
    templatePaths(['GET /widgets/dashboard -> {panels}', 'GET /widgets/weather -> {temperature,city}', 'GET /widgets/clock -> {time}'].map(line), ctx);
    expect(ctx.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'path-kept-literal',
        message: expect.stringContaining(
          'api.example.com/widgets/*: 3 distinct words kept as literal endpoints (their responses have different keys); if they are values of one parameter, add a hint such as /widgets/{widget_id}',
        ),
      }),
    ]);
  });

  it('proposes no hint that would template the action words after an id', () => {
    const ctx = testContext();
    const room = '!AbCdEfGh:example.org';
    templatePaths(
      ['send', 'state', 'members', 'typing'].map((action) => line(`GET /_matrix/client/v3/rooms/${encodeURIComponent(room)}/${action}`)),
      ctx,
    );
    expect(ctx.diagnostics.filter((d) => d.code === 'path-kept-literal').map((d) => d.message)).not.toEqual(
      expect.arrayContaining([expect.stringContaining('add a hint')]),
    );
  });

  it('warns about an invalid hint and ignores it', () => {
    const ctx = testContext({ hints: ['post/{id}', '/post/{a b}'] });
    const { groups } = templatePaths([line('GET /post/1')], ctx);
    expect(groups.map((g) => g.path)).toEqual(['/post/{post_id}']);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['invalid-hint', 'invalid-hint']);
  });

  it('reports the API root per host', () => {
    const { apiRoots } = templatePaths(['GET /backend-api/me', 'GET /backend-api/models', 'GET other.example.com/items/1'].map(line), testContext());
    expect(apiRoots).toEqual({ 'api.example.com': '/backend-api', 'other.example.com': '' });
  });

  it('keeps the hosts apart', () => {
    const { groups } = templatePaths(['GET a.example.com/items/1', 'GET b.example.com/items/2'].map(line), testContext());
    expect(groups.map((g) => `${g.host}${g.path}`)).toEqual(['a.example.com/items/{item_id}', 'b.example.com/items/{item_id}']);
  });

  it('gives the same output whatever the order of the exchanges', () => {
    const lines = [
      `GET /users/octocat -> ${USER}`,
      `GET /users/torvalds -> ${USER}`,
      `GET /users/defunkt -> ${USER}`,
      ...UUIDS.map((u) => `GET /c/${u}`),
      'GET /c/new',
    ];
    const forward = templatePaths(lines.map(line), testContext()).groups;
    const backward = templatePaths([...lines].reverse().map(line), testContext()).groups;
    const strip = (groups: typeof forward) => groups.map((g) => ({ path: g.path, params: g.pathParams.map(({ example: _e, ...p }) => p) }));
    expect(strip(backward)).toEqual(strip(forward));
  });

  it('does not mutate its input', () => {
    const exchanges = ['GET /items/1', 'GET /items/2'].map(line);
    const before = JSON.stringify(exchanges);
    templatePaths(exchanges, testContext());
    expect(JSON.stringify(exchanges)).toBe(before);
  });

  it('folds a path deeper than MAX_SEGMENTS into one literal tail rather than overflowing the stack', () => {
    const deep = Array.from({ length: 2000 }, (_, i) => `s${i % 7}`);
    const ids = (first: number) => Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? 'items' : String(first + i)));
    const lines = [`GET /${deep.join('/')}`, `GET /${ids(1000).join('/')}`, `GET /${ids(5000).join('/')}`];
    const { groups } = templatePaths(lines.map(line), testContext());
    const head = Array.from({ length: MAX_SEGMENTS - 1 }, (_, i) => (i % 2 === 0 ? 'items' : `{item_id${i === 1 ? '' : (i + 1) / 2}}`));
    expect(groups.map((g) => g.path).sort()).toEqual(
      [
        `/${deep.join('/')}`,
        `/${[
          ...head,
          ids(1000)
            .slice(MAX_SEGMENTS - 1)
            .join('/'),
        ].join('/')}`,
        `/${[
          ...head,
          ids(5000)
            .slice(MAX_SEGMENTS - 1)
            .join('/'),
        ].join('/')}`,
      ].sort(),
    );
    expect(groups.find((g) => g.path.startsWith('/items'))!.pathParams).toHaveLength((MAX_SEGMENTS - 1 - 1) / 2);
  });

  it('merges 20 000 distinct ids per position into one endpoint (speed is measured in bench/, not here)', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `GET /items/${100000 + i}/parts/${i}`);
    const { groups } = templatePaths(lines.map(line), testContext());
    expect(groups.map((g) => g.path)).toEqual(['/items/{item_id}/parts/{part_id}']);
    expect(groups[0]!.pathParams.map((p) => p.distinct)).toEqual([20_000, 20_000]);
  });
});
