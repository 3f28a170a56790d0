import type { JSONSchemaType } from 'ajv';
import { queryValidator } from '../../middleware/validation.js';

/** GET /api/audit query: who (user id or username), which action, a period, a page. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

const auditQuerySchema: JSONSchemaType<AuditQuery> = {
  type: 'object',
  required: [],
  additionalProperties: false,
  properties: {
    actor: { type: 'string', minLength: 1, maxLength: 200, nullable: true },
    action: { type: 'string', minLength: 1, maxLength: 100, nullable: true },
    from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$', nullable: true },
    to: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$', nullable: true },
    cursor: { type: 'string', pattern: '^[0-9a-f]{24}$', nullable: true },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
};

export const checkAuditQuery = queryValidator(auditQuerySchema);
