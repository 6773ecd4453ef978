/**
 * A GraphQL endpoint's JSON bodies as one of its operations: the request body is any one
 * operation's request, a success response any one operation's response (when every operation's
 * was seen), each a component of its own, so tools show the operations apart.
 *
 * One endpoint serves every operation the application has, and a capture shows some of them, so
 * each union also admits an operation the capture did not show, described by what it cannot be:
 * a request whose `operationName` is none of the known ones, a response whose `data` has none of
 * the known root fields. A known operation's body with a field of the wrong type still fits no
 * member.
 */
import type { GraphqlOperation } from '../../model.js';
import type { EndpointNames } from './catalog.js';
import { type Operation, type SchemaObject, schemaRef } from './spec.js';

export function describePerOperation(operation: Operation, graphql: NonNullable<EndpointNames['graphql']>, operations: readonly GraphqlOperation[]): void {
  const other = otherRequest(operations);
  const requests = { anyOf: [...graphql.map((g) => schemaRef(g.request)), ...(other ? [other] : [])] } as SchemaObject;
  const json = operation.requestBody?.content['application/json'];
  if (json) json.schema = requests;
  if (graphql.some((g) => !g.response)) return;
  const otherAnswer = otherResponse(operations);
  const responses = { anyOf: [...graphql.map((g) => schemaRef(g.response!)), ...(otherAnswer ? [otherAnswer] : [])] } as SchemaObject;
  for (const [status, response] of Object.entries(operation.responses)) {
    const body = response.content?.['application/json'];
    if (/^2\d\d$/.test(status) && body) body.schema = responses;
  }
}

/** Any named operation but the known ones (their names as anchored patterns, as in their own requests). */
function otherRequest(operations: readonly GraphqlOperation[]): SchemaObject | undefined {
  const names = operations.filter((op) => op.name !== '(anonymous)').map((op) => `^${escapePattern(op.name)}$`);
  if (names.length === 0) return undefined;
  return {
    type: 'object',
    description: 'An operation the capture did not show.',
    properties: {
      operationName: { type: 'string', not: { anyOf: names.map((pattern) => ({ pattern })) } },
      query: { type: 'string' },
      variables: { type: ['object', 'null'] },
    },
    required: ['operationName'],
  } as SchemaObject;
}

/** An answer whose `data` holds none of the known operations' root fields. */
function otherResponse(operations: readonly GraphqlOperation[]): SchemaObject | undefined {
  const roots = new Set<string>();
  for (const op of operations) {
    const fields = op.response?.properties?.data?.properties;
    if (!fields) return undefined;
    for (const key of Object.keys(fields)) roots.add(key);
  }
  if (roots.size === 0) return undefined;
  return {
    type: 'object',
    description: 'The answer to an operation the capture did not show.',
    properties: { data: { type: ['object', 'null'], propertyNames: { not: { enum: [...roots].sort() } } } },
  } as SchemaObject;
}

export function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
