/**
 * Generated from apps/api/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.
 */

export interface paths {
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events, newest first (a client user: those about its own data) */
        get: operations["AuditController_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same audit events as a CSV file */
        get: operations["AuditController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the hash chain and report its head */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; answers a bearer token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest 200 break-glass grants, newest first */
        get: operations["BreakGlassController_list"];
        put?: never;
        /** Open a time-limited, reasoned access to one client's caller content (DPO) */
        post: operations["BreakGlassController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All client businesses, oldest first */
        get: operations["ClientsController_list"];
        put?: never;
        /** Create a client business with version 1 of its processing instructions */
        post: operations["ClientsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client business */
        get: operations["ClientsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a client's contract; its data then runs down on the retention schedules */
        post: operations["ClientsController_terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/ingest-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's ingest keys (never their secrets) */
        get: operations["ClientsController_listIngestKeys"];
        put?: never;
        /** Issue an ingest key for the client's telephony system (the key is shown once) */
        post: operations["ClientsController_issueIngestKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/ingest-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an ingest key */
        delete: operations["ClientsController_revokeIngestKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether Postgres, Redis and object storage all answer */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/instructions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version of the client's processing instructions in force now */
        get: operations["InstructionsController_current"];
        put?: never;
        /** Issue a new version of the instructions: the current one with these changes */
        post: operations["InstructionsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/instructions/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the client's processing instructions, newest first */
        get: operations["InstructionsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users, oldest first */
        get: operations["UsersController_list"];
        put?: never;
        /** Create an operator or client user */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Restrict an agent to a list of clients (empty: every active client) */
        put: operations["UsersController_restrictAgent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a call by the phone system's own call id (the key's client only; agents: calls they can reach) */
        get: operations["CallsController_findCalls"];
        put?: never;
        /** Log a call (agent), or create one from the phone system with its ingest key and its own call id (externalRef) */
        post: operations["CallsController_createCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{callId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log the caller's message on a call the agent logged, or one the phone system created, within the working window */
        post: operations["CallsController_addMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{callId}/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Stream a call's recording (the agent who logged it, or the phone system with the client's ingest key) */
        put: operations["CallsController_uploadRecording"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Caller messages, newest first (a client user: its own; an agent: what it logged within its working window) */
        get: operations["MessagesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recording metadata, newest first; the audio leaves only through a delivery */
        get: operations["RecordingsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recordings/{recordingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recording's metadata: status, size, SHA-256 and times */
        get: operations["RecordingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's registered public key */
        get: operations["ClientPublicKeyController_get"];
        /** Register (or replace) the client's RSA public key or certificate */
        put: operations["ClientPublicKeyController_register"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's deliveries, newest first */
        get: operations["DeliveriesController_list"];
        put?: never;
        /** Create a one-time delivery of chosen (or all undelivered) messages and recordings; the password is shown once */
        post: operations["DeliveriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery's state, counts and expiry */
        get: operations["DeliveriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{deliveryId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the delivery as one ZIP (HTTP Basic id:password); a completed download consumes it */
        get: operations["DeliveriesController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Probe a delivery's download headers; never claims, consumes or counts */
        head: operations["DeliveriesController_probe"];
        patch?: never;
        trace?: never;
    };
    "/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The breach register */
        get: operations["BreachesController_list"];
        put?: never;
        /** Record a breach on the register (with its regulator and client deadlines) */
        post: operations["BreachesController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/breaches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One breach */
        get: operations["BreachesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/breaches/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a notification or decision on a breach */
        post: operations["BreachesController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dsr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** DPO: requests, overdue first. Client user: the requests forwarded to its client */
        get: operations["DsrController_list"];
        put?: never;
        /** Record a data subject request; caller records found are forwarded to each owning client */
        post: operations["DsrController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dsr/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One data subject request (a client user: as forwarded to it) */
        get: operations["DsrController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dsr/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Work a request (DPO) or answer a forwarded one with the client's instruction */
        post: operations["DsrController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dsr/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person's data, machine-readable (ZIP: data.json, CSVs, manifest.json) */
        get: operations["DsrController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketing/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The consent register */
        get: operations["MarketingController_list"];
        put?: never;
        /** Record a marketing consent given by a positive action */
        post: operations["MarketingController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketing/consents/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consent (the person goes on the suppression list) */
        post: operations["MarketingController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketing/opt-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opt a person out: withdraw every matching consent and suppress the identifiers */
        post: operations["MarketingController_optOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketing/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many entries the suppression list holds */
        get: operations["MarketingController_suppressions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/marketing/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A campaign's contact list, checked against the suppression list */
        post: operations["MarketingController_export"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the retention sweep now (on the worker) and report what it erased */
        post: operations["RetentionController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sub-processors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sub-processor register, by name */
        get: operations["SubProcessorsController_list"];
        put?: never;
        /** Register a sub-processor (outside the UK/EEA only with a transfer mechanism) */
        post: operations["SubProcessorsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sub-processors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sub-processor */
        get: operations["SubProcessorsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a sub-processor's location, purpose, categories, transfer mechanism or status */
        patch: operations["SubProcessorsController_update"];
        trace?: never;
    };
    "/sub-processors/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a transfer of personal data to a sub-processor */
        post: operations["SubProcessorsController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's usage for a period (calls, minutes, messages, recordings, deliveries), as JSON or CSV */
        get: operations["UsageController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEventDto: {
            /** @description Insertion order (a 64-bit integer, as a string) */
            id: string;
            /** @description Position in the chain (a 64-bit integer, as a string) */
            seq: string;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            actorId: string | null;
            /** @enum {string} */
            actorRole: "agent" | "supervisor" | "admin" | "dpo" | "client" | "ingest_key" | "system" | "anonymous";
            /** Format: uuid */
            clientId: string | null;
            /** @enum {string} */
            dataRole: "processor" | "controller";
            /** @enum {string} */
            purpose: "service_delivery" | "billing" | "quality_review" | "legal_obligation" | "marketing" | "security";
            /** @example message.read */
            action: string;
            /** @example message */
            subjectType: string | null;
            subjectId: string | null;
            /** @enum {string} */
            outcome: "success" | "denied" | "failure";
            /** @description Ids, counts and codes (e.g. instructionsVersion, reason, a break-glass grant) */
            details: {
                [key: string]: (string | null) | number | boolean;
            };
            /** @description SHA-256 (hex) of the previous event */
            prevHash: string | null;
            /** @description SHA-256 (hex) of this event */
            hash: string | null;
            /** @description The exact text that was hashed */
            canonical: string | null;
        };
        ApiErrorDto: {
            /** @example 404 */
            statusCode: number;
            /**
             * @description The HTTP reason phrase
             * @example Not Found
             */
            error: string;
            /**
             * @description What is wrong, without personal data; a list when request validation failed (one line per field)
             * @example Client not found
             */
            message: string | string[];
            /**
             * @description Stable machine-readable code of a domain error
             * @example not_found
             */
            code?: string;
            /**
             * Format: uuid
             * @description On a 500 only: the id under which the cause was logged
             */
            errorId?: string;
        };
        ChainLinkDto: {
            seq: string;
            /** @description SHA-256, hex */
            hash: string;
        };
        ChainBreakDto: {
            seq: string;
            /** @example hash does not match */
            reason: string;
        };
        ChainVerificationDto: {
            ok: boolean;
            /** @description Events verified */
            events: number;
            /** @description The last verified event: record it elsewhere to detect a rewritten tail */
            head: components["schemas"]["ChainLinkDto"] | null;
            /** @description When ok is false: the first event that does not belong */
            broken?: components["schemas"]["ChainBreakDto"];
            /** @description Once retention pruned old segments: where the remaining chain is anchored */
            prunedThrough?: components["schemas"]["ChainLinkDto"];
        };
        LoginDto: {
            /** Format: email */
            email: string;
            password: string;
        };
        SignedInUserDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "agent" | "supervisor" | "admin" | "dpo" | "client";
            /**
             * Format: uuid
             * @description Set for role client only: the client business the user belongs to
             */
            clientId: string | null;
        };
        LoginResponseDto: {
            /** @description Bearer token for the Authorization header; expires after ACCESS_TOKEN_TTL_SECONDS */
            accessToken: string;
            user: components["schemas"]["SignedInUserDto"];
        };
        OpenBreakGlassDto: {
            /** Format: uuid */
            clientId: string;
            /** @description Why: at least 10 characters; the client sees it in its audit trail */
            reason: string;
            durationMinutes: number;
        };
        BreakGlassGrantDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            dpoId: string;
            /** Format: uuid */
            clientId: string;
            reason: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            createdAt: string;
        };
        IntakeFieldDto: {
            /** @example account_number */
            name: string;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "email" | "phone" | "date";
            required: boolean;
        };
        InstructionsDto: {
            intakeFields?: components["schemas"]["IntakeFieldDto"][];
            recordingRetentionDays?: number;
            deliveryExpiryHours?: number;
            callerDataRetentionDays?: number;
            supervisorReviewAllowed?: boolean;
            aggregateStatisticsAllowed?: boolean;
        };
        CreateClientDto: {
            name: string;
            contactName?: string;
            /** Format: email */
            contactEmail?: string;
            contactPhone?: string;
            /** @description Version 1 of its processing instructions; defaults where left out */
            instructions?: components["schemas"]["InstructionsDto"];
        };
        ProcessingInstructionsDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            version: number;
            intakeFields: components["schemas"]["IntakeFieldDto"][];
            /** @description Recordings never downloaded are deleted after this many days */
            recordingRetentionDays: number;
            deliveryExpiryHours: number;
            /** @description Caller data of a terminated client is erased this many days after the contract's end */
            callerDataRetentionDays: number;
            supervisorReviewAllowed: boolean;
            aggregateStatisticsAllowed: boolean;
            /**
             * Format: uuid
             * @description The user who issued this version
             */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CreatedClientDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "active" | "terminated";
            contactName: string | null;
            contactEmail: string | null;
            contactPhone: string | null;
            /** Format: date-time */
            contractEndedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            instructions: components["schemas"]["ProcessingInstructionsDto"];
        };
        ClientDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            status: "active" | "terminated";
            contactName: string | null;
            contactEmail: string | null;
            contactPhone: string | null;
            /** Format: date-time */
            contractEndedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TerminateClientDto: {
            /**
             * Format: date-time
             * @description When the contract ended (not in the future); now when not given
             */
            endedAt?: string;
        };
        CreateIngestKeyDto: {
            label?: string;
        };
        IssuedIngestKeyDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description The key for the X-Ingest-Key header, shown this once
             * @example cvik_<32 hex>_<43 base64url>
             */
            key: string;
        };
        IngestKeyDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            label: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
        };
        HealthIndicatorDto: {
            /** @enum {string} */
            status: "up" | "down";
            /** @description Why it is down */
            message?: string;
        };
        HealthDto: {
            /** @enum {string} */
            status: "ok";
            /** @description The dependencies that answered */
            info: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description Empty when healthy */
            error: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description By dependency: postgres, redis, storage */
            details: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
        };
        HealthFailureDto: {
            /** @example 503 */
            statusCode: number;
            /** @enum {string} */
            status: "error" | "shutting_down";
            /** @description The dependencies that answered */
            info: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description The dependencies that did not answer */
            error: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description By dependency: postgres, redis, storage */
            details: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
        };
        CreateUserDto: {
            /** Format: email */
            email: string;
            password: string;
            /** @enum {string} */
            role: "agent" | "supervisor" | "admin" | "dpo" | "client";
            /**
             * Format: uuid
             * @description Required for role client, not allowed for other roles
             */
            clientId?: string;
        };
        UserDto: {
            /** Format: uuid */
            id: string;
            /** @description Lower-cased */
            email: string;
            /** @enum {string} */
            role: "agent" | "supervisor" | "admin" | "dpo" | "client";
            /**
             * Format: uuid
             * @description Set for role client only
             */
            clientId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        AgentClientsDto: {
            /** @description The clients this agent serves; empty restores the default (every active client) */
            clientIds: string[];
        };
        CreateCallDto: {
            /**
             * Format: uuid
             * @description Required for agents; with an ingest key it may be left out and, if sent, must be the key's client (else 403)
             */
            clientId?: string;
            /**
             * @description The phone system's own call id, unique per client: a repeat answers 200 with the first call
             * @example 1733050000.42
             */
            externalRef?: string;
            /**
             * @description A phone number, or `withheld` when the caller hid it
             * @example +447700900123
             */
            callerNumber: string;
            /** Format: date-time */
            startedAt: string;
            /**
             * Format: date-time
             * @description On a repeat, sets the end of a call that has none yet
             */
            endedAt?: string;
        };
        CallDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @description The phone system's own call id */
            externalRef: string | null;
            /** @example +447700900123 */
            callerNumber: string;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            endedAt: string | null;
            /**
             * Format: uuid
             * @description The agent who logged it; null when the phone system created it
             */
            agentId: string | null;
            /**
             * @description Who created the call
             * @enum {string}
             */
            createdVia: "agent" | "ingest_key";
            instructionsVersion: number;
            /** Format: date-time */
            createdAt: string;
        };
        CreateMessageDto: {
            callerName: string;
            callerPhone: string;
            /** Format: email */
            callerEmail?: string;
            body: string;
            /**
             * @default normal
             * @enum {string}
             */
            urgency: "normal" | "urgent";
            /** @default false */
            callbackRequested: boolean;
            /** @description Answers to the client's intake fields, by field name; validated against its current instructions */
            customFields?: {
                [key: string]: string | number | boolean;
            };
        };
        CallerMessageDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            callId: string;
            /**
             * Format: uuid
             * @description The agent who logged it
             */
            agentId: string;
            callerName: string;
            callerPhone: string;
            callerEmail: string | null;
            body: string;
            /** @enum {string} */
            urgency: "normal" | "urgent";
            callbackRequested: boolean;
            /** @description Answers to the client's intake fields, by field name */
            customFields: {
                [key: string]: string | number | boolean;
            };
            instructionsVersion: number;
            /**
             * Format: uuid
             * @description The delivery that carried this message to the client, once one has
             */
            deliveryId: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        IngestedRecordingDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            callId: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "stored";
            /**
             * @description The type its leading bytes showed
             * @example audio/wav
             */
            contentType: string;
            /**
             * Format: int64
             * @description Bytes of audio received
             */
            size: number;
            /** @description SHA-256 of the audio received, hex */
            sha256: string;
            /** Format: date-time */
            storedAt: string;
            /**
             * Format: date-time
             * @description Deleted at this time if never delivered
             */
            retainUntil: string;
        };
        RecordingDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            callId: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "receiving" | "stored" | "delivered" | "deleted";
            /** @example audio/wav */
            contentType: string;
            /**
             * Format: int64
             * @description Bytes of audio; null while receiving
             */
            size: number | null;
            /** @description SHA-256 of the audio, hex; null while receiving */
            sha256: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            storedAt: string | null;
            /**
             * Format: date-time
             * @description Deleted at this time if never delivered
             */
            retainUntil: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            deletedAt: string | null;
        };
        RegisterPublicKeyDto: {
            /** @description PEM: "BEGIN PUBLIC KEY" (SPKI) or "BEGIN CERTIFICATE", RSA of at least 3072 bits */
            pem: string;
        };
        ClientPublicKeyDto: {
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            kind: "public-key" | "certificate";
            bits: number;
            /** @description SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex */
            fingerprintSha256: string;
            /** @description The key alone, as SPKI PEM */
            publicKeyPem: string;
            /** @description The certificate as sent, when one was */
            certificatePem: string | null;
            /** @description The certificate's subject */
            subject: string | null;
            /**
             * Format: date-time
             * @description The certificate's expiry
             */
            notAfter: string | null;
            /** Format: uuid */
            registeredBy: string;
            /** Format: date-time */
            registeredAt: string;
        };
        CreateDeliveryDto: {
            /**
             * Format: uuid
             * @description Required for an admin; a client user may leave it out (its own client)
             */
            clientId?: string;
            /** @description With neither list, everything of the client not yet delivered */
            recordingIds?: string[];
            messageIds?: string[];
        };
        CreatedDeliveryDto: {
            /**
             * Format: uuid
             * @description Also the user name for the download (HTTP Basic)
             */
            id: string;
            /** @description The one-time password: shown this once, stored only as a slow hash */
            password: string;
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Path of the download, relative to the API
             * @example /deliveries/3f0c…/download
             */
            downloadUrl: string;
            recordingCount: number;
            messageCount: number;
        };
        DeliveryDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "open" | "consumed" | "expired" | "locked";
            recordingCount: number;
            messageCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Wrong passwords so far; the delivery locks after 5 */
            failedAttempts: number;
            /** Format: date-time */
            consumedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** @description Path of the download, relative to the API */
            downloadUrl: string;
        };
        CreateBreachDto: {
            /**
             * Format: date-time
             * @description When the operator became aware: the regulator's 72 hours run from here
             */
            detectedAt: string;
            /** Format: date-time */
            occurredAt?: string;
            nature: string;
            dataCategories: string[];
            affectsCallerData: boolean;
            affectsOperatorData: boolean;
            /** @description Required when caller data is affected: each must be notified */
            affectedClientIds?: string[];
            approxSubjects?: number;
            approxRecords?: number;
            likelyConsequences: string;
            measuresTaken: string;
            /** @default false */
            highRisk: boolean;
        };
        BreachRegulatorDto: {
            /**
             * Format: date-time
             * @description 72 hours after detection
             */
            dueAt: string;
            /** @description Null once notified or decided not required */
            hoursLeft: number | null;
            overdue: boolean;
            /** Format: date-time */
            notifiedAt: string | null;
            notifiedLate: boolean;
            reference: string | null;
            notRequiredReason: string | null;
        };
        BreachSubjectsDto: {
            /** @description High risk: the people affected must be informed */
            mustBeInformed: boolean;
            /** Format: date-time */
            informedAt: string | null;
            notInformedReason: string | null;
            pending: boolean;
        };
        BreachAffectedClientDto: {
            /** Format: uuid */
            clientId: string;
            /** Format: date-time */
            notifyBy: string;
            /** Format: date-time */
            notifiedAt: string | null;
            channel: string | null;
            overdue: boolean;
        };
        BreachDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            detectedAt: string;
            /** Format: date-time */
            occurredAt: string | null;
            nature: string;
            dataCategories: string[];
            affectsCallerData: boolean;
            affectsOperatorData: boolean;
            approxSubjects: number | null;
            approxRecords: number | null;
            likelyConsequences: string;
            measuresTaken: string;
            highRisk: boolean;
            /** @description Only when the operator's own data is affected */
            regulator: components["schemas"]["BreachRegulatorDto"] | null;
            /** Format: date-time */
            regulatorDueAt: string | null;
            subjects: components["schemas"]["BreachSubjectsDto"];
            affectedClients: components["schemas"]["BreachAffectedClientDto"][];
            clientsAwaitingNotice: number;
            /** Format: uuid */
            recordedBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        BreachActionDto: {
            /** @enum {string} */
            action: "notify_client" | "notify_regulator" | "decide_regulator_not_required" | "inform_subjects" | "decide_subjects_not_informed";
            /**
             * Format: uuid
             * @description For notify_client: which affected client
             */
            clientId?: string;
            /** @enum {string} */
            channel?: "email" | "phone" | "portal" | "letter";
            /** @description For notify_regulator: the regulator's reference */
            reference?: string;
            /** @description For the decide_* actions: why */
            reason?: string;
        };
        DsrSubjectDto: {
            name: string | null;
            email: string | null;
            phone: string | null;
        };
        PersonDto: {
            name?: string;
            /** Format: email */
            email?: string;
            phone?: string;
        };
        DsrVerificationDto: {
            /** @enum {string} */
            method: "not_verified" | "document" | "account_login" | "email_confirmation" | "known_contact" | "controller_confirmed";
            /** Format: date-time */
            verifiedAt: string | null;
        };
        DsrExtensionDto: {
            months: number;
            reason: string | null;
            /** Format: date-time */
            extendedAt: string | null;
        };
        RecordMatchDto: {
            /** @enum {string} */
            kind: "user" | "client_contact" | "marketing_consent" | "caller_message" | "call" | "recording";
            id: string;
            matchedOn: ("name" | "email" | "phone" | "call")[];
        };
        RetentionHoldDto: {
            /** @enum {string} */
            basis: "invoicing" | "evidence_of_service" | "contract" | "legal_obligation" | "suppression";
            reason: string;
            /** @description When the hold ends, if known */
            until: string | null;
        };
        RecordOutcomeDto: {
            /** @enum {string} */
            kind: "user" | "client_contact" | "marketing_consent" | "caller_message" | "call" | "recording" | "suppression_entry";
            id: string;
            /** @enum {string} */
            outcome: "erased" | "anonymised" | "kept" | "rectified" | "unchanged" | "restricted" | "exported" | "not_found";
            /** @description Set exactly when the record (or part of it) was kept */
            hold?: components["schemas"]["RetentionHoldDto"];
            note?: string;
        };
        OperationReportDto: {
            /** @enum {string} */
            operation: "erase" | "rectify" | "restrict" | "export" | "refuse";
            /** Format: date-time */
            at: string;
            /** @description Who did it (a user id) */
            by: string;
            records: components["schemas"]["RecordOutcomeDto"][];
            /** @description Counts by outcome */
            summary: {
                [key: string]: number;
            };
            reason?: string;
            /**
             * Format: uuid
             * @description For a client's export: the one-time delivery that carries the messages and recordings
             */
            deliveryId?: string;
        };
        DsrForwardDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "awaiting_client" | "answered" | "closed";
            /** Format: date-time */
            forwardedAt: string;
            /**
             * Format: date-time
             * @description Within 24 hours of receipt
             */
            forwardedDueAt: string;
            forwardedLate: boolean;
            /** Format: date-time */
            answeredAt: string | null;
            /** @enum {string|null} */
            lastInstruction: "erase" | "export" | "rectify" | "restrict" | "refuse" | null;
            matches: components["schemas"]["RecordMatchDto"][];
            reports: components["schemas"]["OperationReportDto"][];
        };
        DsrRequestDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "access" | "rectification" | "erasure" | "restriction" | "objection" | "portability" | "human_review";
            /** @enum {string} */
            status: "received" | "in_progress" | "completed" | "refused";
            /** @enum {string} */
            source: "data_subject" | "representative" | "regulator";
            subject: components["schemas"]["DsrSubjectDto"];
            details: string | null;
            rectification: components["schemas"]["PersonDto"] | null;
            objectionPurposes: ("service_delivery" | "billing" | "quality_review" | "legal_obligation" | "marketing" | "security")[] | null;
            verification: components["schemas"]["DsrVerificationDto"];
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            originalDueAt: string;
            /**
             * Format: date-time
             * @description After any extension
             */
            dueAt: string;
            /** @description Null once closed */
            daysLeft: number | null;
            overdue: boolean;
            extension: components["schemas"]["DsrExtensionDto"] | null;
            /** Format: date-time */
            closedAt: string | null;
            outcomeNote: string | null;
            /** @description The operator's own records of the person */
            controllerMatches: components["schemas"]["RecordMatchDto"][];
            reports: components["schemas"]["OperationReportDto"][];
            /** Format: date-time */
            exportedAt: string | null;
            forwards: components["schemas"]["DsrForwardDto"][];
        };
        DsrInboxItemDto: {
            /**
             * Format: uuid
             * @description The request
             */
            id: string;
            /** Format: uuid */
            forwardId: string;
            /** @enum {string} */
            type: "access" | "rectification" | "erasure" | "restriction" | "objection" | "portability" | "human_review";
            /** @enum {string} */
            status: "awaiting_client" | "answered" | "closed";
            subject: components["schemas"]["DsrSubjectDto"];
            details: string | null;
            rectification: components["schemas"]["PersonDto"] | null;
            objectionPurposes: ("service_delivery" | "billing" | "quality_review" | "legal_obligation" | "marketing" | "security")[] | null;
            /** Format: date-time */
            receivedAt: string;
            /**
             * Format: date-time
             * @description The person's deadline
             */
            dueAt: string;
            /** @description Null once closed */
            daysLeft: number | null;
            overdue: boolean;
            /** Format: date-time */
            forwardedAt: string;
            /** Format: date-time */
            forwardedDueAt: string;
            /** Format: date-time */
            answeredAt: string | null;
            /** @enum {string|null} */
            lastInstruction: "erase" | "export" | "rectify" | "restrict" | "refuse" | null;
            matches: components["schemas"]["RecordMatchDto"][];
            reports: components["schemas"]["OperationReportDto"][];
            /** @description Only in the answer to an export instruction: the one-time delivery of the person's messages and recordings (password shown once); null when nothing was left to deliver */
            delivery?: components["schemas"]["CreatedDeliveryDto"] | null;
        };
        CreateDsrDto: {
            /** @enum {string} */
            type: "access" | "rectification" | "erasure" | "restriction" | "objection" | "portability" | "human_review";
            /**
             * @default data_subject
             * @enum {string}
             */
            source: "data_subject" | "representative" | "regulator";
            /** @description The identifiers the person gave: at least one of name, email, phone */
            subject: components["schemas"]["PersonDto"];
            details?: string;
            /** @description For rectification: the corrected values */
            rectification?: components["schemas"]["PersonDto"];
            /** @description For objection: the purposes objected to (marketing when not given) */
            objectionPurposes?: ("service_delivery" | "billing" | "quality_review" | "legal_obligation" | "marketing" | "security")[];
            /**
             * @default not_verified
             * @enum {string}
             */
            verificationMethod: "not_verified" | "document" | "account_login" | "email_confirmation" | "known_contact" | "controller_confirmed";
            /**
             * Format: date-time
             * @description When the request reached the operator; deadlines run from here. Defaults to now
             */
            receivedAt?: string;
        };
        DsrActionDto: {
            /**
             * @description DPO: verify_identity, start, extend, erase, rectify, restrict, complete, refuse. Client: erase, export, rectify, restrict, refuse
             * @enum {string}
             */
            action: "verify_identity" | "start" | "extend" | "erase" | "rectify" | "restrict" | "complete" | "refuse" | "export";
            reason?: string;
            note?: string;
            /** @description For extend */
            months?: number;
            /**
             * @description For verify_identity
             * @enum {string}
             */
            method?: "not_verified" | "document" | "account_login" | "email_confirmation" | "known_contact" | "controller_confirmed";
            rectification?: components["schemas"]["PersonDto"];
        };
        CreateConsentDto: {
            /** @enum {string} */
            subjectType: "client_contact" | "prospect" | "caller";
            /**
             * Format: uuid
             * @description For a caller: the client whose call it was
             */
            clientId?: string;
            name?: string;
            /** Format: email */
            email?: string;
            phone?: string;
            /** @description The exact wording the person agreed to */
            wording: string;
            /** @enum {string} */
            channel: "web_form" | "email" | "phone" | "paper" | "in_person" | "in_call";
            /** @description Must be true: consent is recorded only for a positive action (an opt-in) */
            positiveAction: boolean;
            /** @example ticked the unticked opt-in box */
            positiveActionDescription: string;
            /**
             * Format: date-time
             * @description Defaults to now
             */
            givenAt?: string;
        };
        ConsentDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            subjectType: "client_contact" | "prospect" | "caller";
            /** Format: uuid */
            clientId: string | null;
            name: string | null;
            email: string | null;
            phone: string | null;
            wording: string;
            /** @enum {string} */
            channel: "web_form" | "email" | "phone" | "paper" | "in_person" | "in_call";
            /** @description What the person did to opt in */
            positiveAction: string;
            /** Format: date-time */
            givenAt: string;
            /** Format: uuid */
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
            /** Format: date-time */
            withdrawnAt: string | null;
            withdrawalChannel: string | null;
        };
        WithdrawConsentDto: {
            /** @enum {string} */
            channel: "email" | "phone" | "web_form" | "paper" | "in_person" | "unsubscribe_link";
        };
        OptOutDto: {
            /** Format: email */
            email?: string;
            phone?: string;
            /** @enum {string} */
            channel: "email" | "phone" | "web_form" | "paper" | "in_person" | "unsubscribe_link";
        };
        OptOutResultDto: {
            /** @description Consents withdrawn */
            withdrawn: number;
            /** @description Identifiers added to the suppression list */
            suppressed: number;
        };
        SuppressionCountDto: {
            entries: number;
        };
        MarketingExportDto: {
            /** @enum {string} */
            source: "client_contacts" | "consents" | "caller_data";
            /** @enum {string} */
            channel: "email" | "phone";
            /**
             * Format: uuid
             * @description Required for source caller_data
             */
            clientId?: string;
            /** @description Required for source caller_data: each caller needs express permission on record */
            callerMessageIds?: string[];
        };
        MarketingRecipientDto: {
            name: string | null;
            /** @description For channel email */
            email?: string;
            /** @description For channel phone */
            phone?: string;
        };
        MarketingExclusionsDto: {
            /** @description On the suppression list */
            suppressed: number;
            /** @description Restricted by a data subject request */
            restricted: number;
            /** @description No address for this channel */
            noContact: number;
        };
        MarketingExportResultDto: {
            /** @enum {string} */
            source: "client_contacts" | "consents" | "caller_data";
            /** @enum {string} */
            channel: "email" | "phone";
            recipients: components["schemas"]["MarketingRecipientDto"][];
            excluded: components["schemas"]["MarketingExclusionsDto"];
        };
        ClientContactsErasedDto: {
            /** Format: uuid */
            clientId: string;
            usersAnonymised: number;
        };
        CallerDataErasedDto: {
            /** Format: uuid */
            clientId: string;
            messages: number;
            calls: number;
            /** @description Calls kept until their recording is deleted */
            callsWaitingForRecordings: number;
        };
        ActiveClientErasedDto: {
            /** Format: uuid */
            clientId: string;
            messages: number;
            /** @description Calls kept for invoicing, their caller number removed */
            callsAnonymised: number;
        };
        AuditSpanDto: {
            firstSeq: string;
            lastSeq: string;
            events: number;
        };
        AuditRetentionDto: {
            /** @description Audit events sealed into a segment this run */
            sealed: components["schemas"]["AuditSpanDto"] | null;
            /** @description Segments pruned past AUDIT_RETENTION_MONTHS */
            pruned: components["schemas"]["AuditSpanDto"][];
        };
        RetentionReportDto: {
            /** Format: date-time */
            ranAt: string;
            /** @description Clients whose business contacts were erased, 7 years after the contract's end */
            clientContacts: components["schemas"]["ClientContactsErasedDto"][];
            /** @description Caller data of terminated clients past their instructions' period */
            callerData: components["schemas"]["CallerDataErasedDto"][];
            /** @description Caller data of active clients past their instructions' period: messages erased, calls anonymised */
            activeClients: components["schemas"]["ActiveClientErasedDto"][];
            audit: components["schemas"]["AuditRetentionDto"];
        };
        CreateSubProcessorDto: {
            name: string;
            purpose: string;
            /**
             * @description ISO 3166-1 alpha-2 country where the data is processed
             * @example IE
             */
            location: string;
            /**
             * @example [
             *       "caller_message"
             *     ]
             */
            dataCategories: string[];
            /**
             * Format: date
             * @example 2026-01-31
             */
            contractDate: string;
            /**
             * @description Required outside the UK and the EEA
             * @enum {string|null}
             */
            transferMechanism?: "adequacy" | "sccs" | "bcrs" | null;
            transferMechanismReference?: string;
        };
        SubProcessorDto: {
            /** Format: uuid */
            id: string;
            name: string;
            purpose: string;
            /** @example IE */
            location: string;
            dataCategories: string[];
            /** Format: date */
            contractDate: string;
            /** @enum {string|null} */
            transferMechanism: "adequacy" | "sccs" | "bcrs" | null;
            transferMechanismReference: string | null;
            /** @enum {string} */
            status: "active" | "ended";
            /** Format: uuid */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdateSubProcessorDto: {
            location?: string;
            purpose?: string;
            /**
             * @example [
             *       "caller_message"
             *     ]
             */
            dataCategories?: string[];
            /**
             * @description null withdraws the mechanism: transfers are then refused
             * @enum {string|null}
             */
            transferMechanism?: "adequacy" | "sccs" | "bcrs" | null;
            transferMechanismReference?: string | null;
            /** @enum {string} */
            status?: "active" | "ended";
        };
        TransferDto: {
            /**
             * @example [
             *       "caller_message"
             *     ]
             */
            dataCategories: string[];
            purpose: string;
        };
        SubProcessorTransferDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            subProcessorId: string;
            dataCategories: string[];
            purpose: string;
            /** @example IE */
            location: string;
            transferMechanism: string | null;
            /** Format: uuid */
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
        };
        UsageDayDto: {
            calls: number;
            /** @description Billable minutes: each call's duration rounded up to a whole minute */
            minutes: number;
            messages: number;
            recordingsReceived: number;
            recordingsDeleted: number;
            deliveries: number;
            /** Format: date */
            date: string;
        };
        UsageCountsDto: {
            calls: number;
            /** @description Billable minutes: each call's duration rounded up to a whole minute */
            minutes: number;
            messages: number;
            recordingsReceived: number;
            recordingsDeleted: number;
            deliveries: number;
        };
        UsageReportDto: {
            /** Format: uuid */
            clientId: string;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            days: components["schemas"]["UsageDayDto"][];
            total: components["schemas"]["UsageCountsDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_find: {
        parameters: {
            query?: {
                /** @description Ignored for a client user: its own client always */
                clientId?: string;
                actorId?: string;
                action?: string;
                subjectId?: string;
                /** @description Inclusive */
                from?: string;
                /** @description Exclusive */
                to?: string;
                /** @description Page backwards: events older than this sequence number */
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_exportCsv: {
        parameters: {
            query?: {
                /** @description Ignored for a client user: its own client always */
                clientId?: string;
                actorId?: string;
                action?: string;
                subjectId?: string;
                /** @description Inclusive */
                from?: string;
                /** @description Exclusive */
                to?: string;
                /** @description Page backwards: events older than this sequence number */
                before?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row: seq, occurredAt, actorId, actorRole, clientId, dataRole, purpose, action, subjectType, subjectId, outcome, details (JSON), hash */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerificationDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Email or password is wrong (code login_failed) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many requests: try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreakGlassController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakGlassGrantDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreakGlassController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenBreakGlassDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakGlassGrantDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedClientDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_terminate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateClientDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Already terminated (code already_terminated) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_listIngestKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestKeyDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_issueIngestKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIngestKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedIngestKeyDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientsController_revokeIngestKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such key of this client, or already revoked */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description A dependency did not answer: error names it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthFailureDto"];
                };
            };
        };
    };
    InstructionsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessingInstructionsDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    InstructionsController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstructionsDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessingInstructionsDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    InstructionsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessingInstructionsDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such client */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description A user with this email already exists (email_taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsersController_restrictAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentClientsDto"];
            };
        };
        responses: {
            /** @description Restricted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CallsController_findCalls: {
        parameters: {
            query: {
                /** @description The phone system's own call id */
                externalRef: string;
                /** @description Required for agents; an ingest key finds its own client's calls only */
                clientId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching call, or an empty list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"][];
                };
            };
            /** @description externalRef missing or malformed, or clientId missing for an agent */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid bearer token or ingest key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description clientId is not the ingest key's client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such client (or one this agent does not serve) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CallsController_createCall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallDto"];
            };
        };
        responses: {
            /** @description The client already has a call with this externalRef: that call (an endedAt it lacked is taken) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallDto"];
                };
            };
            /** @description Invalid body (the message names the field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid bearer token or ingest key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description clientId is not the ingest key's client, or the role may not */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such client (or one this agent does not serve) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description An agent's externalRef belongs to a call it cannot reach */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CallsController_addMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMessageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallerMessageDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid bearer token or ingest key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such call, or one this agent cannot reach (another agent's, outside the window, a client it does not serve) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    CallsController_uploadRecording: {
        parameters: {
            query?: never;
            header?: {
                /** @description Known length: checked against the limit before reading (413) */
                "Content-Length"?: string;
            };
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "audio/wav": string;
                "audio/mpeg": string;
                "audio/ogg": string;
                "audio/mp4": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestedRecordingDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid bearer token or ingest key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The call already has a recording (recording_exists) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Larger than RECORDING_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not audio: the Content-Type or the leading bytes say otherwise */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MessagesController_list: {
        parameters: {
            query?: {
                /** @description Required for operator roles other than agents; a client user may leave it out */
                clientId?: string;
                limit?: number;
                /** @description Page on: the id of the last item of the previous page */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallerMessageDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    RecordingsController_list: {
        parameters: {
            query?: {
                /** @description Required for operator roles other than agents; a client user may leave it out */
                clientId?: string;
                limit?: number;
                /** @description Page on: the id of the last item of the previous page */
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    RecordingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recordingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordingDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientPublicKeyController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPublicKeyDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No key registered, or not this client */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    ClientPublicKeyController_register: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterPublicKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPublicKeyDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeliveriesController_list: {
        parameters: {
            query?: {
                /** @description Required for an admin */
                clientId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"][];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeliveriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeliveryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDeliveryDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Nothing is waiting to be delivered (nothing_to_deliver), or a chosen recording is no longer stored (recording_not_deliverable) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeliveriesController_get: {
        parameters: {
            query?: {
                /** @description Required for an admin */
                clientId?: string;
            };
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeliveriesController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Also the user name of the HTTP Basic credential */
                deliveryId: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description messages.json, messages.csv, the recordings and manifest.json with SHA-256 checksums, streamed */
            200: {
                headers: {
                    /** @description attachment; filename="callvault-delivery-<id>.zip" */
                    "Content-Disposition"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description none: the archive is served whole, once */
                    "Accept-Ranges"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description No credential, or not this delivery's password (WWW-Authenticate: Basic); wrong passwords count towards the lock */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Another download of this delivery is running (delivery_busy) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Already downloaded (delivery_consumed) or expired (delivery_expired) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Range requests are refused and never consume (delivery_range) */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Locked after too many wrong passwords (delivery_locked) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DeliveriesController_probe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Also the user name of the HTTP Basic credential */
                deliveryId: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The headers a download would get, no body */
            200: {
                headers: {
                    /** @description attachment; filename="callvault-delivery-<id>.zip" */
                    "Content-Disposition"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description none: the archive is served whole, once */
                    "Accept-Ranges"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credential, or not this delivery's password (WWW-Authenticate: Basic); wrong passwords count towards the lock */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Already downloaded (delivery_consumed) or expired (delivery_expired) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Locked after too many wrong passwords (delivery_locked) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreachesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreachesController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBreachDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreachesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    BreachesController_act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BreachActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreachDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Conflicts with the current state: the code says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DsrController_list: {
        parameters: {
            query?: {
                status?: "open" | "closed" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DsrRequestDto items for the DPO, DsrInboxItemDto items for a client user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["DsrRequestDto"] | components["schemas"]["DsrInboxItemDto"])[];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DsrController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDsrDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DsrRequestDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DsrController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DsrRequestDto for the DPO, DsrInboxItemDto for a client user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DsrRequestDto"] | components["schemas"]["DsrInboxItemDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DsrController_act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DsrActionDto"];
            };
        };
        responses: {
            /** @description The request after the action, as GET /dsr/{id} answers it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DsrRequestDto"] | components["schemas"]["DsrInboxItemDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The request (or the forward) is already closed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    DsrController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data.json, one CSV per kind of record, manifest.json with SHA-256s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description A client user must instruct an export first (export_not_instructed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawConsentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_optOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptOutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOutResultDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_suppressions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionCountDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    MarketingController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarketingExportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketingExportResultDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    RetentionController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionReportDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No worker finished the sweep within 120 s (worker_unavailable); it stays queued */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SubProcessorsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubProcessorDto"][];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SubProcessorsController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubProcessorDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubProcessorDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description A sub-processor with this name is registered already (name_taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SubProcessorsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubProcessorDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SubProcessorsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubProcessorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubProcessorDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The new location needs a transfer mechanism (transfer_mechanism_required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SubProcessorsController_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubProcessorTransferDto"];
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The register does not allow it: ended, no transfer mechanism, or a category its contract does not cover */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    UsageController_report: {
        parameters: {
            query: {
                /** @description First day (UTC), inclusive */
                from: string;
                /** @description Last day (UTC), inclusive; at most 366 days after from */
                to: string;
                /** @description csv, or Accept: text/csv, answers CSV */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON by default; CSV with ?format=csv or Accept: text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReportDto"];
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the message names what is wrong */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No valid credential */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not found, or not visible to this principal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
}
