/** The router: the only routing code the server, the rule editor and the CLIs use. Pure, no I/O. */
export { validateRuleSet, ruleSetSchema, type RuleSetValidation } from './validate.js';
export { validateMessage, messageSchema, type MessageValidation } from './validateMessage.js';
export { compileRuleSet, InvalidRuleSetError, type CompiledRuleSet } from './compile.js';
export { routeMessage, type RouteOptions } from './route.js';
export { lintRuleSet, formatLintWarning } from './lint.js';
export { tokenize } from './tokenize.js';
export { messageKind } from './fields.js';
export { detect, findPersonalData, type DetectedKind, type PersonalDataSpan } from './detectors.js';
export type * from './types.js';
