import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, DataRole, personalDataOf, PersonalDataDeclaration, Purpose } from '#audit';
import type { PreparedStatement, SqlPart } from '#database';
import { ClientsService, ProcessingInstructions } from '#clients';
import { NotFoundError } from '#errors';
import { AgentAssignmentsService } from './agent-assignments.service';
import { BreakGlassService } from './break-glass.service';
import { ForbiddenError } from './errors';
import { actorOf, Principal } from './principal';
import { SubjectDecisions } from './subject-decisions';
import type { SubjectRefusal } from './subject-decisions';

/** One access to personal data, described in the domain's words. */
export interface AccessRequest {
  /** What is done, e.g. 'message.read', 'recording.ingest', 'delivery.create'. */
  action: string;
  /** The client whose data it is. For processor data, the controller. */
  clientId: string;
  /**
   * The entity whose records are touched (e.g. CallerMessage, Recording, Delivery). Its @PersonalData
   * declaration, made once on the entity, gives the data role and the purposes the records may serve:
   * the policy reads it, so no service states a data role of its own.
   */
  data: abstract new (...args: never[]) => unknown;
  purpose: Purpose;
  /** True when caller content (names, numbers, text, audio) is touched; false for metadata and counts. */
  content: boolean;
  subject?: { type: string; id: string };
  /** Several records of one kind used at once (a marketing export names each caller's message). */
  subjects?: { type: string; id: string }[];
  /**
   * Set when the access issues a credential to caller content (a delivery's one-time password), saying
   * where it goes. `requester`: in the answer, so only the client's own users may ask; operator staff
   * never receive one, whatever else they may read. `client_contact`: straight to the client's
   * registered delivery contact, never through the requester, so admins and the DPO may ask on the
   * client's behalf.
   */
  credentialTo?: 'requester' | 'client_contact';
}

/** What the decision relied on; the caller records it with the access it makes. */
export interface AccessGrant {
  /** Shared between requests (a version is never edited): read only. */
  instructions: Readonly<ProcessingInstructions>;
  /** The data role the entity's declaration gives, for the caller's audit event. */
  dataRole: DataRole;
  /** What the caller asked to read along with the policy's facts (`also`), by the names it gave. */
  also?: Record<string, unknown>;
  /** Set when a DPO reached caller content through break-glass. */
  breakGlassId?: string;
}

type Refusal = ForbiddenError | NotFoundError;

/** The request with what its entity declares: the policy decides on this. */
type DeclaredRequest = AccessRequest & { dataRole: DataRole; declaration: PersonalDataDeclaration };

const CREDENTIAL_REFUSAL =
  "Deliveries are created by the client's own users: a delivery's one-time password opens the client's caller content, and credentials never reach operator staff. Ask a user of the client to create the delivery, or (admin, DPO) have its credentials sent to the client's delivery contact.";

const CONTACT_REFUSAL = "Only the client's users, admins and the DPO may have a delivery's credentials sent to the client's delivery contact";

/** What the phone system may do with its client's ingest key: create and find calls, push recordings. */
const INGEST_KEY_ACTIONS = new Set(['call.create', 'call.read', 'recording.ingest']);

const subjectRefused = (refusal: SubjectRefusal | null): Refusal | null => refusal && new ForbiddenError(refusal.message, refusal.code);

/**
 * The one policy for personal data: role × data role × purpose × the client's instructions. Guards
 * and services ask it; nothing else decides. Every refusal is audited here, once.
 */
@Injectable()
export class AccessPolicy {
  private subjectDecisions: SubjectDecisions | null = null;

  constructor(
    private readonly clients: ClientsService,
    private readonly assignments: AgentAssignmentsService,
    private readonly breakGlass: BreakGlassService,
    private readonly audit: AuditService,
  ) {}

  /** Called once by the compliance library, which keeps the consent and restriction registers. */
  consult(decisions: SubjectDecisions): void {
    this.subjectDecisions = decisions;
  }

  /**
   * `also`: SQL the caller needs right after the decision (its subject record, in the same tenant
   * scope), read in the same round trip as the policy's facts and handed back only when access is granted.
   */
  async authorize(principal: Principal, asked: AccessRequest, manager?: EntityManager, also?: Record<string, SqlPart>): Promise<AccessGrant> {
    const request = this.declared(asked);
    // Before anything about the client: no operator role ever receives a credential to caller content.
    const credentialRefusal = this.credentialRefusal(principal, request);
    if (credentialRefusal) return this.refuse(principal, request, null, credentialRefusal);
    // Another tenant's client looks exactly like a missing one: no existence oracle.
    if (principal.clientId && principal.clientId !== request.clientId) return this.refuse(principal, request, null, new NotFoundError('Client'));
    const { subjectQuery, servesAsked, facts: asking } = this.factsOf(principal, request, also);
    const read = await this.clients.currentInstructionsWith(request.clientId, asking, manager).catch(() => null);
    if (!read) return this.refuse(principal, request, null, new NotFoundError('Client'));
    const { instructions, facts } = read;
    const purposeRefusal = this.declaredPurposeRefusal(request) ?? this.purposeRefusal(principal, request, instructions);
    if (purposeRefusal) return this.refuse(principal, request, instructions, purposeRefusal);
    const subjectRefusal = subjectQuery ? subjectRefused(subjectQuery.decide(facts.restricted)) : await this.subjectRefusal(request, manager);
    if (subjectRefusal) return this.refuse(principal, request, instructions, subjectRefusal);
    const decision = servesAsked ? (facts.serves === true ? {} : new NotFoundError('Client')) : await this.roleDecision(principal, request, manager);
    if (decision instanceof Error) return this.refuse(principal, request, instructions, decision);
    const alsoRead = also && Object.fromEntries(Object.keys(also).map((name) => [name, (facts as Record<string, unknown>)[`also:${name}`]]));
    return { instructions, dataRole: request.dataRole, ...decision, ...(alsoRead ? { also: alsoRead } : {}) };
  }

  /**
   * The statement `authorize` reads its facts with, for a caller that knows the client before its
   * transaction begins: sent with the begin (TenantScope.run's `ahead`), it costs no round trip of its own.
   */
  factsAhead(principal: Principal, asked: AccessRequest, also?: Record<string, SqlPart>): PreparedStatement {
    return this.clients.currentInstructionsStatement(asked.clientId, this.factsOf(principal, this.declared(asked), also).facts);
  }

  /**
   * The facts this decision needs (instructions, the data subjects' restrictions, the agent's
   * assignment) in one round trip; each library gives the SQL of its own tables.
   */
  private factsOf(principal: Principal, request: DeclaredRequest, also?: Record<string, SqlPart>) {
    const subjectQuery = request.dataRole === 'processor' ? (this.subjectDecisions?.refusalQuery(request) ?? null) : null;
    const servesAsked = principal.kind === 'user' && (principal.role === 'agent' || principal.role === 'supervisor');
    const facts: Record<string, SqlPart> = {
      ...(subjectQuery ? { restricted: subjectQuery.part } : {}),
      ...(servesAsked ? { serves: this.assignments.servesPart(principal.id, request.clientId) } : {}),
      ...Object.fromEntries(Object.entries(also ?? {}).map(([name, part]) => [`also:${name}`, part])),
    };
    return { subjectQuery, servesAsked, facts };
  }

  /** The entity's one declaration of its data role and purposes (libs/audit personal-data); an entity without one is a programming error. */
  private declared(request: AccessRequest): DeclaredRequest {
    const declaration = personalDataOf(request.data);
    if (!declaration) throw new Error(`${request.data.name} declares no personal data; the access policy decides only on declared personal data`);
    return { ...request, dataRole: declaration.dataRole, declaration };
  }

  /** A record serves only the purposes its entity declares; the rules below narrow further within them. */
  private declaredPurposeRefusal(request: DeclaredRequest): Refusal | null {
    if (request.declaration.purposes.includes(request.purpose)) return null;
    return new ForbiddenError(`${request.declaration.category} records are not declared for ${request.purpose}`, 'purpose_refused');
  }

  /** A credential in the answer only for the client's own users; sent to the client's contact at the request of its users, admins or the DPO. */
  private credentialRefusal(principal: Principal, request: AccessRequest): ForbiddenError | null {
    if (!request.credentialTo) return null;
    const role = principal.kind === 'user' ? principal.role : null;
    if (request.credentialTo === 'requester') return role === 'client' ? null : new ForbiddenError(CREDENTIAL_REFUSAL, 'credential_for_client_users_only');
    return role === 'client' || role === 'admin' || role === 'dpo' ? null : new ForbiddenError(CONTACT_REFUSAL, 'role');
  }

  /** Caller data serves the client's purposes only (GDPR art. 28(3)(a); seed 000 on marketing). */
  private purposeRefusal(principal: Principal, request: DeclaredRequest, instructions: ProcessingInstructions): Refusal | null {
    if (request.dataRole !== 'processor') return null;
    switch (request.purpose) {
      case 'service_delivery':
        return null;
      case 'billing':
        return request.content ? new ForbiddenError('Billing uses counts, not caller content', 'purpose_refused') : null;
      case 'quality_review':
        if (principal.kind !== 'user' || principal.role !== 'supervisor') return new ForbiddenError('Only supervisors review calls', 'role');
        return instructions.supervisorReviewAllowed ? null : new ForbiddenError("The client's instructions do not allow quality review", 'instructions_refuse');
      case 'legal_obligation':
        return principal.kind === 'user' && principal.role === 'dpo' ? null : new ForbiddenError('Only the DPO acts on legal obligations', 'purpose_refused');
      case 'marketing':
        // Only the operator's own marketing, naming each caller so their permission can be checked.
        return principal.kind === 'user' && principal.role === 'admin' && request.subjects?.length
          ? null
          : new ForbiddenError("Caller data may not be used for marketing without each caller's express permission", 'purpose_refused');
      case 'security':
        return request.content ? new ForbiddenError('Security review uses metadata, not caller content', 'purpose_refused') : null;
    }
  }

  /**
   * For lists, which authorize once per client: the listed records whose data subjects restricted or
   * objected to this purpose, to be left out.
   */
  async withheld(asked: AccessRequest, records: { type: string; id: string }[], manager?: EntityManager): Promise<Set<string>> {
    const request = this.declared(asked);
    if (request.dataRole !== 'processor' || !this.subjectDecisions || !records.length) return new Set();
    return this.subjectDecisions.withheld(request, records, manager);
  }

  /** Restrictions, objections and missing marketing permission; without the registers, marketing is refused. */
  private async subjectRefusal(request: DeclaredRequest, manager?: EntityManager): Promise<Refusal | null> {
    if (request.dataRole !== 'processor') return null;
    if (!this.subjectDecisions) {
      return request.purpose === 'marketing' ? new ForbiddenError("No caller's express permission can be checked here", 'caller_permission_missing') : null;
    }
    return subjectRefused(await this.subjectDecisions.refusal(request, manager));
  }

  private async roleDecision(principal: Principal, request: DeclaredRequest, manager?: EntityManager): Promise<Refusal | { breakGlassId?: string }> {
    if (principal.kind === 'ingest_key') {
      return INGEST_KEY_ACTIONS.has(request.action) ? {} : new ForbiddenError('An ingest key may only create and find calls and push recordings', 'role');
    }
    switch (principal.role) {
      case 'client':
        return {};
      case 'agent':
      case 'supervisor':
        return (await this.assignments.serves(principal.id, request.clientId, manager)) ? {} : new NotFoundError('Client');
      case 'admin':
        // Marketing reached here only with every named caller's express permission on record.
        return request.dataRole === 'processor' && request.content && request.purpose !== 'marketing' ? new ForbiddenError('Admins have no access to caller content', 'role') : {};
      case 'dpo': {
        if (request.dataRole !== 'processor' || !request.content) return {};
        const grant = await this.breakGlass.active(principal.id, request.clientId, manager);
        return grant ? { breakGlassId: grant.id } : new ForbiddenError('Caller content needs break-glass access with a reason', 'break_glass_required');
      }
    }
  }

  private async refuse(principal: Principal, request: DeclaredRequest, instructions: ProcessingInstructions | null, refusal: Refusal): Promise<never> {
    await this.audit.append({
      actor: actorOf(principal),
      clientId: instructions ? request.clientId : null,
      dataRole: request.dataRole,
      purpose: request.purpose,
      action: request.action,
      subject: request.subject,
      outcome: 'denied',
      details: { reason: refusal.code, instructionsVersion: instructions?.version ?? null },
    });
    throw refusal;
  }
}
