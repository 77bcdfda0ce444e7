import { requireRole } from '../../auth/policy';
import type { Principal } from '../../auth/principal';
import type { RespondentBinding } from '../../services/survey-service';
import type { RequestContext } from '../context';

/**
 * Survey fields a respondent link may not read (everything but id, name, window, closesAt,
 * closedAt and isOpen): FORBIDDEN naming the reader role. The root fields are checked by the
 * auth middleware; these nested ones are reachable through myForm.survey.
 */
export async function requireReader(context: RequestContext): Promise<Principal> {
  return requireRole(await context.principal(), 'reader');
}

/** Survey.unloggedTies and Survey.responses: admins only. */
export async function requireAdmin(context: RequestContext): Promise<Principal> {
  return requireRole(await context.principal(), 'admin');
}

/** The survey and actor of the calling respondent link (the auth middleware has checked the role). */
export async function respondentOf(context: RequestContext): Promise<RespondentBinding> {
  const principal = requireRole(await context.principal(), 'respondent');
  if (!principal.respondent) throw new Error('A respondent principal without its survey and actor: the token service must set them');
  return principal.respondent;
}
