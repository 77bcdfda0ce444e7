import { registerEnumType } from 'type-graphql';
import { STORED_ROLES, type Role } from '../../domain/access';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, type AuditAction, type AuditSubject } from '../../domain/audit';
import { enumOf } from '../common/enums';

export const RoleEnum = enumOf<Role>(STORED_ROLES);
export const AuditActionEnum = enumOf<AuditAction>(AUDIT_ACTIONS);
export const AuditSubjectEnum = enumOf<AuditSubject>(AUDIT_SUBJECTS);

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a credential may do; each role includes the ones before it.',
  valuesConfig: {
    reader: { description: 'Queries and exports.' },
    writer: { description: 'Also records and corrects data.' },
    admin: { description: 'Also manages API tokens and reads the audit log.' },
    respondent: {
      description:
        'A survey respondent link (issue 23): reads its own form and submits its own answers, nothing else. Made by createRespondentLinks only; createToken refuses it.',
    },
  },
});
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'What a change did.' });
registerEnumType(AuditSubjectEnum, { name: 'AuditSubject', description: 'What a change was made to.' });
