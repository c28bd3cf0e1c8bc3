/** /api/timeliness's answer, for the OpenAPI document: the model's schema (model/api.ts). */
export { Timeliness as TIMELINESS_ANSWER } from '../model/api.ts';
