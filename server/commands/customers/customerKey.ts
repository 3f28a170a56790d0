import { badRequest } from '../../errors.js';

/** A person as the API names them: "platform:authorId" (e.g. "x:2244994945"), split. */
export interface CustomerKey {
  platform: string;
  authorId: string;
  /** "platform:authorId", as blocks are stored. */
  key: string;
}

/** Parses the :id of /api/customers/:id; 400 with a pointer unless it is "platform:authorId". */
export function customerKeyOf(id: string): CustomerKey {
  const at = id.indexOf(':');
  if (at < 1 || at === id.length - 1 || id.length > 200) throw badRequest('a customer id is "platform:authorId", e.g. "x:2244994945"', [{ pointer: '/id', message: 'must be "platform:authorId"' }]);
  return { platform: id.slice(0, at), authorId: id.slice(at + 1), key: id };
}
