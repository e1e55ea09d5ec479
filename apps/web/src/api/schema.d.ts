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
    "/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When the audit chain was last verified, and whether it held */
        get: operations["AuditController_verification"];
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
        /** Sign in; admins and the DPO with a second factor also send totp or recoveryCode */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: its token stops working at once */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password; every session of the account ends, this one included */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with an administrator's one-time reset token; every session of the account ends */
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app (TOTP): returns the secret and an otpauth URL */
        post: operations["AuthController_enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the enrolment with a first code; returns recovery codes once. Other sessions end; an enrolment-only session too */
        post: operations["AuthController_confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the portal: sets the httpOnly session cookie */
        post: operations["SessionController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of the portal: clears the session cookie */
        post: operations["SessionController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (bearer token or session cookie) */
        get: operations["SessionController_me"];
        put?: never;
        post?: never;
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
        /** The latest break-glass grants (the read is audited) */
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
    "/break-glass/{grantId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a break-glass grant early (audited under its client) */
        post: operations["BreakGlassController_close"];
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
        /** Every client business, oldest first (the read is audited) */
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
        /** One client business (the read is audited under that client) */
        get: operations["ClientsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a client's name or contact details (audited, field names only) */
        patch: operations["ClientContactController_update"];
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
        /** Whether Postgres, Redis and storage answer; details only for a signed-in admin */
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
        /** Every account, oldest first (the read is audited) */
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
        /** The clients an agent is restricted to (empty: every active client) */
        get: operations["AgentClientsController_clients"];
        /** Restrict an agent to a list of clients (empty: every active client) */
        put: operations["UsersController_restrictAgent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: its sessions end at once and it cannot sign in */
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account again (not an erased one) */
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a one-time, short-lived password reset token for the account (shown once) */
        post: operations["UsersController_issuePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a sign-in lockout after repeated failures */
        post: operations["UsersController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a lost second factor: the user enrols again at the next sign-in; their sessions end */
        delete: operations["UsersController_resetSecondFactor"];
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
        /** Caller messages, newest first (keyset pages), with the inbox filters */
        get: operations["MessagesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's unread messages, and how many of them are urgent */
        get: operations["MessagesController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a message read (for every user of the client; audited) */
        post: operations["MessagesController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{messageId}/actioned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a message actioned (and read); audited */
        post: operations["MessagesController_markActioned"];
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
        /** A client's deliveries, newest first (states and counts, never a credential) */
        get: operations["DeliveriesController_list"];
        put?: never;
        /** Create a delivery of the client's items: a client user gets the one-time password in this answer only; an admin or the DPO (clientId required) has it sent to the client's delivery contact */
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
        /** One delivery: status open, awaiting_receipt, consumed, expired or locked */
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
        /** Download the archive (HTTP Basic id:password; same bytes on every attempt, with Content-Length); consumes nothing until the receipt */
        get: operations["DeliveriesController_download"];
        put?: never;
        /** Download a delivery from a browser form (password in the form body); consumes nothing until the receipt */
        post: operations["DeliveriesController_downloadFromForm"];
        delete?: never;
        options?: never;
        /** Probe a delivery's download headers; never claims, consumes or counts */
        head: operations["DeliveriesController_probe"];
        patch?: never;
        trace?: never;
    };
    "/deliveries/{deliveryId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm receipt with the archive's SHA-256: consumes the delivery and starts deleting its recordings */
        post: operations["DeliveriesController_receipt"];
        delete?: never;
        options?: never;
        head?: never;
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
    "/clients/{clientId}/usage/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calls, minutes and messages per day for a period, for a chart (the CSV is GET /clients/{clientId}/usage?format=csv) */
        get: operations["DailyUsageController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agent/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recording size limit and the working window, for the agent console */
        get: operations["AgentController_limits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agent/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clients this agent serves, with their intake scripts (audited) */
        get: operations["AgentController_clients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct a message the agent logged, within its working window (audited as a correction) */
        patch: operations["MessageCorrectionsController_correct"];
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices, newest first: a client user its own client's; admins the operator's (or one client's with clientId); the DPO its reminders */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's webhook endpoints (never their secrets) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Adds a webhook endpoint; answers its signing secret (whsec_…) this once */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Removes a webhook endpoint; what was still pending for it is not sent */
        delete: operations["WebhooksController_remove"];
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
            actorRole: "agent" | "supervisor" | "admin" | "dpo" | "client" | "ingest_key" | "delivery_credential" | "system" | "anonymous";
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
             * @description Stable machine-readable code of a domain error: one of the generic codes or of the codes of the library that refused
             * @example not_found
             */
            code?: components["schemas"]["CommonErrorCode"] | components["schemas"]["AccessErrorCode"] | components["schemas"]["IdentityErrorCode"] | components["schemas"]["ClientsErrorCode"] | components["schemas"]["CallsErrorCode"] | components["schemas"]["DeliveriesErrorCode"] | components["schemas"]["NotificationsErrorCode"] | components["schemas"]["ComplianceErrorCode"];
            /**
             * Format: uuid
             * @description On a 500 only: the id under which the cause was logged
             */
            errorId?: string;
        };
        ChainStatusDto: {
            /** @enum {string} */
            status: "intact" | "broken" | "never_verified";
            /** Format: date-time */
            verifiedAt: string | null;
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
            /**
             * @description Six-digit code from the authenticator app, for accounts with a second factor
             * @example 123456
             */
            totp?: string;
            /**
             * @description One of the recovery codes shown at enrolment, instead of totp (each works once)
             * @example K7Q2-9XMD-4RTA-B8NC
             */
            recoveryCode?: string;
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
            /** @description Bearer token for Authorization; ends at expiry, logout, password change, disabling or erasure */
            accessToken: string;
            user: components["schemas"]["SignedInUserDto"];
            /**
             * @description Present (true) when the account must enrol a second factor first: the token then works only for POST /auth/totp/enrol, POST /auth/totp/confirm and POST /auth/logout
             * @enum {boolean}
             */
            totpEnrolmentRequired?: true;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        ResetPasswordDto: {
            /** @description The one-time token an administrator issued (cvpr_…) */
            token: string;
            newPassword: string;
        };
        TotpEnrolmentDto: {
            /** @description Base32 secret, for typing into the authenticator app */
            secret: string;
            /** @description otpauth:// URI, for a QR code */
            otpauthUrl: string;
        };
        ConfirmTotpDto: {
            /** @example 123456 */
            code: string;
        };
        RecoveryCodesDto: {
            /** @description Ten one-time recovery codes, shown only now */
            recoveryCodes: string[];
        };
        SessionUserDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "agent" | "supervisor" | "admin" | "dpo" | "client";
            /**
             * Format: uuid
             * @description Set for client users: the client business they act for
             */
            clientId: string | null;
        };
        SessionDto: {
            user: components["schemas"]["SessionUserDto"];
            /**
             * Format: date-time
             * @description When the session cookie lapses; sign in again after it
             */
            expiresAt: string;
        };
        OpenBreakGlassDto: {
            /** Format: uuid */
            clientId: string;
            /** @description Why: at least 10 characters; the client sees it in its audit trail */
            reason: string;
            durationMinutes: number;
        };
        BreakGlassGrantView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            dpoId: string;
            /** Format: uuid */
            clientId: string;
            /** @description The reason given; the client sees it in its own audit trail */
            reason: string;
            /** Format: date-time */
            expiresAt: string;
            /**
             * Format: date-time
             * @description Set when closed before it expired
             */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        IntakeFieldDto: {
            /** @example account_number */
            name: string;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "email" | "phone" | "date";
            required: boolean;
            /** @description What the agent's form shows; the name when absent */
            label?: string;
        };
        EmailRecipientDto: {
            /** Format: email */
            address: string;
            /** @description The client events this address receives (delivery.ready makes it a delivery contact) */
            events: ("message.new" | "recording.stored" | "delivery.ready" | "recordings.deleted" | "recordings.expiring" | "request.forwarded" | "request.reminder" | "breach.notice")[];
            /**
             * @description For message.new: only urgent messages
             * @default false
             */
            urgentOnly: boolean;
        };
        NotificationSettingsDto: {
            /** @description Absent: the client's contact email hears of new messages. Empty: no email */
            emailRecipients?: components["schemas"]["EmailRecipientDto"][];
            /**
             * @description message.new and message.escalation webhooks carry the messages (caller name, number, email, text)
             * @default false
             */
            webhookIncludesContent: boolean;
            /**
             * @description The same for email
             * @default false
             */
            emailIncludesContent: boolean;
            /** @description An urgent message unread this long is notified again, every interval until read; null: no escalation */
            escalationMinutes?: number | null;
            /**
             * Format: email
             * @description From the second escalation on, also this address
             */
            escalationEmail?: string | null;
            /**
             * @description Yesterday's counts (no content) once a day to the new-message recipients
             * @default false
             */
            dailySummary: boolean;
        };
        InstructionsDto: {
            /** @description How the agent answers this client's calls */
            greeting?: string;
            intakeFields?: components["schemas"]["IntakeFieldDto"][];
            recordingRetentionDays?: number;
            deliveryExpiryHours?: number;
            /** @description Minutes a completely sent delivery waits for the client's receipt; 0 consumes it at once */
            receiptWindowMinutes?: number;
            callerDataRetentionDays?: number;
            supervisorReviewAllowed?: boolean;
            aggregateStatisticsAllowed?: boolean;
            /** @description Who is told of what (docs/notifications.md); replaces the previous settings as a whole */
            notifications?: components["schemas"]["NotificationSettingsDto"];
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
            /** @description How the agent answers this client's calls */
            greeting?: string | null;
            /** @description Minutes a completely sent delivery waits for the client's receipt; 0 consumes it at once */
            receiptWindowMinutes?: number;
            /** @description Who is told of what (see docs/notifications.md); null: the defaults */
            notifications?: components["schemas"]["NotificationSettingsDto"] | null;
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
            /** @description Wrong secrets presented for this key id in the current window */
            failedAttempts: number;
            /**
             * Format: date-time
             * @description When the current window of counted failures began
             */
            failureWindowStartedAt: string | null;
            /**
             * Format: date-time
             * @description Refused until then after too many wrong secrets (issue a new key and revoke this one)
             */
            blockedUntil: string | null;
        };
        HealthIndicatorDto: {
            /** @enum {string} */
            status: "up" | "down";
            /** @description Why it is down, in our words */
            message?: string;
        };
        HealthDto: {
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
            /** @description Admins only: dependencies that answer */
            info?: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description Admins only: dependencies that do not, with a reason in our words */
            error?: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description Admins only: info and error together */
            details?: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
        };
        HealthFailureDto: {
            /** @example 503 */
            statusCode: number;
            /** @enum {string} */
            status: "error" | "shutting_down";
            /** @description 'Service Unavailable', or for an admin the dependencies that did not answer */
            error: string | {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description Admins only: dependencies that answer */
            info?: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description Admins only: info and error together */
            details?: {
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
            /**
             * Format: email
             * @description Lower-cased
             */
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
            /** Format: date-time */
            disabledAt: string | null;
            /** @description A second factor (TOTP) is enrolled */
            totpEnrolled: boolean;
        };
        AgentClientsDto: {
            /** @description The clients this agent serves; empty restores the default (every active client) */
            clientIds: string[];
        };
        PasswordResetIssuedDto: {
            /** @description One-time reset token (cvpr_…), shown only now: hand it to the user over a trusted channel */
            token: string;
            /** Format: date-time */
            expiresAt: string;
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
            /**
             * Format: date-time
             * @description Read by one of the client's users
             */
            readAt: string | null;
            /** Format: uuid */
            readBy: string | null;
            /** Format: date-time */
            actionedAt: string | null;
            /** Format: uuid */
            actionedBy: string | null;
            /**
             * Format: date-time
             * @description Last corrected by its agent within the correction window
             */
            correctedAt: string | null;
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
        MessageDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            callId: string;
            /** Format: uuid */
            agentId: string;
            callerName: string;
            callerPhone: string;
            callerEmail: string | null;
            body: string;
            /** @enum {string} */
            urgency: "normal" | "urgent";
            callbackRequested: boolean;
            /** @description Answers to the client's own intake fields */
            customFields: {
                [key: string]: string | number | boolean;
            };
            instructionsVersion: number;
            /** Format: uuid */
            deliveryId: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            readAt: string | null;
            /** Format: uuid */
            readBy: string | null;
            /** Format: date-time */
            actionedAt: string | null;
            /** Format: uuid */
            actionedBy: string | null;
            /**
             * Format: date-time
             * @description Last corrected by its agent within the correction window
             */
            correctedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        InboxCountsDto: {
            /** @description Messages no one of the client has read */
            unread: number;
            /** @description Of those, the urgent ones */
            urgentUnread: number;
        };
        MessageStateDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            readAt: string | null;
            /** Format: date-time */
            actionedAt: string | null;
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
             * @description The client: required for an admin or the DPO; a client user's own client, may be left out
             */
            clientId?: string;
            recordingIds?: string[];
            messageIds?: string[];
        };
        CreatedDeliveryDto: {
            /** Format: uuid */
            id: string;
            /** @description The one-time password, shown this once */
            password: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Path of the download, relative to the API */
            downloadUrl: string;
            /** @description Path of the receipt, relative to the API */
            receiptUrl: string;
            recordingCount: number;
            messageCount: number;
            /** @description Chosen items withheld at their data subject's request */
            withheldCount: number;
            /** @description Minutes to confirm receipt after the archive is sent; 0 consumes it once sent */
            receiptWindowMinutes: number;
        };
        RequestedDeliveryDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "open" | "awaiting_receipt" | "consumed" | "expired" | "locked";
            /** Format: date-time */
            expiresAt: string;
            recordingCount: number;
            messageCount: number;
            /** @description Chosen items withheld at their data subject's request */
            withheldCount: number;
            /** @description Minutes to confirm receipt after the archive is sent; 0 consumes it once sent */
            receiptWindowMinutes: number;
            /**
             * @description Where the one-time password went: the client's delivery.ready email recipients and webhook endpoints
             * @enum {string}
             */
            credentialsSentTo: "client_delivery_contact";
            /**
             * Format: uuid
             * @description The delivery.ready notice that carries the password (GET /notifications?clientId= shows its state, never the password)
             */
            notificationId: string;
        };
        DeliveryViewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** @enum {string} */
            status: "open" | "awaiting_receipt" | "consumed" | "expired" | "locked";
            recordingCount: number;
            messageCount: number;
            withheldCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            failedAttempts: number;
            /** Format: date-time */
            consumedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            transfersCompleted: number;
            /** Format: date-time */
            sentAt: string | null;
            /**
             * Format: date-time
             * @description Consumed then without a receipt, if none arrives first
             */
            receiptDueAt: string | null;
            /** @enum {string|null} */
            consumedBy: "receipt" | "receipt_window" | "no_window" | null;
            /** @description Length of the archive last sent completely */
            archiveBytes: number | null;
            /** @description SHA-256 of the archive last sent completely */
            archiveSha256: string | null;
            /** @description Path of the download, relative to the API */
            downloadUrl: string;
            /** @description Path of the receipt, relative to the API */
            receiptUrl: string;
        };
        DownloadFormDto: {
            /** @description The one-time password shown when the delivery was created */
            password: string;
        };
        DeliveryReceiptDto: {
            /** @description Hex SHA-256 of the archive bytes as downloaded (sha256sum archive.zip) */
            sha256: string;
        };
        DeliveryReceiptResultDto: {
            /** @enum {string} */
            status: "consumed";
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
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "access" | "rectification" | "erasure" | "restriction" | "objection" | "portability" | "human_review";
            subject: components["schemas"]["DsrSubjectDto"];
            details: string | null;
            rectification: components["schemas"]["PersonDto"] | null;
            objectionPurposes: ("service_delivery" | "billing" | "quality_review" | "legal_obligation" | "marketing" | "security")[] | null;
            /** Format: date-time */
            receivedAt: string;
            /** @description Null once closed */
            daysLeft: number | null;
            overdue: boolean;
            reports: components["schemas"]["OperationReportDto"][];
            /** Format: uuid */
            forwardId: string;
            /** @enum {string} */
            status: "awaiting_client" | "answered" | "closed";
            /**
             * Format: date-time
             * @description The person's deadline
             */
            dueAt: string;
            /** Format: date-time */
            forwardedAt: string;
            /** Format: date-time */
            forwardedDueAt: string;
            /** Format: date-time */
            answeredAt: string | null;
            /** @enum {string|null} */
            lastInstruction: "erase" | "export" | "rectify" | "restrict" | "refuse" | null;
            matches: components["schemas"]["RecordMatchDto"][];
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
        DailyUsagePointView: {
            /** @example 2026-12-01 */
            date: string;
            calls: number;
            /** @description Billable minutes: each call rounded up to a whole minute */
            minutes: number;
            messages: number;
        };
        DailyUsageView: {
            /** Format: uuid */
            clientId: string;
            from: string;
            to: string;
            days: components["schemas"]["DailyUsagePointView"][];
        };
        AgentLimitsView: {
            /** @description Largest recording upload accepted, in bytes */
            recordingMaxBytes: number;
            /** @description How long an agent may read back and correct what it logged */
            workingWindowHours: number;
        };
        IntakeFieldView: {
            /** @example account_number */
            name: string;
            /** @example Account number */
            label?: string;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "email" | "phone" | "date";
            required: boolean;
        };
        IntakeScriptView: {
            /** Format: uuid */
            clientId: string;
            name: string;
            greeting: string | null;
            intakeFields: components["schemas"]["IntakeFieldView"][];
            /** @description The instructions version the script comes from */
            instructionsVersion: number;
        };
        AgentClientsView: {
            /** @description The clients the agent is restricted to; empty: every active client (the default) */
            clientIds: string[];
        };
        UpdateClientContactDto: {
            name?: string;
            contactName?: string | null;
            contactEmail?: string | null;
            contactPhone?: string | null;
        };
        ClientView: {
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
        CorrectMessageDto: {
            callerName?: string;
            callerPhone?: string;
            body?: string;
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
            /** Format: email */
            callerEmail?: string | null;
        };
        CorrectedMessageView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            callId: string;
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
             * Format: date-time
             * @description Last corrected by its agent within the correction window
             */
            correctedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        NoticeDeliveryDto: {
            /** @enum {string} */
            channel: "email" | "webhook";
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
        };
        NotificationDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            clientId: string | null;
            /** @example message.new */
            event: string;
            urgent: boolean;
            /** @example 2 new messages for Acme Plumbing (1 urgent) — sign in to read */
            summary: string;
            /** @description Ids, counts and deadlines; never caller content */
            facts: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            deliveries: components["schemas"]["NoticeDeliveryDto"][];
        };
        CreateWebhookDto: {
            /**
             * @description https URL (plain http only for loopback addresses outside production)
             * @example https://hooks.example.com/callvault
             */
            url: string;
            /** @description Events it receives; all when absent */
            events?: ("message.new" | "recording.stored" | "delivery.ready" | "recordings.deleted" | "recordings.expiring" | "request.forwarded" | "request.reminder" | "breach.notice")[];
        };
        CreatedWebhookDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description The signing secret (Standard Webhooks), shown this once
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookDto: {
            /** Format: uuid */
            id: string;
            url: string;
            /** @description null: every event */
            events: ("message.new" | "recording.stored" | "delivery.ready" | "recordings.deleted" | "recordings.expiring" | "request.forwarded" | "request.reminder" | "breach.notice")[] | null;
            /** @enum {string} */
            status: "active" | "disabled";
            /** @description Failed attempts since the last success */
            consecutiveFailures: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            disabledAt: string | null;
        };
        /**
         * @description Generic refusals any part of the API may answer with
         * @enum {string}
         */
        CommonErrorCode: "not_found" | "forbidden" | "conflict" | "invalid_input" | "unauthenticated";
        /**
         * @description Authentication, roles, tenants, purposes, break-glass and ingest keys
         * @enum {string}
         */
        AccessErrorCode: "totp_enrolment_required" | "origin_refused" | "role" | "purpose_refused" | "instructions_refuse" | "credential_for_client_users_only" | "break_glass_required" | "break_glass_reason" | "break_glass_closed" | "processing_restricted" | "caller_permission_missing" | "ingest_key_blocked";
        /**
         * @description Accounts, sign-in, second factor and password resets
         * @enum {string}
         */
        IdentityErrorCode: "login_failed" | "totp_required" | "second_factor_invalid" | "account_locked" | "current_password_wrong" | "password_unchanged" | "reset_token_invalid" | "totp_already_enrolled" | "totp_not_enrolling" | "totp_invalid" | "email_taken" | "cannot_disable_self" | "user_disabled" | "user_erased";
        /**
         * @description Clients and their processing instructions
         * @enum {string}
         */
        ClientsErrorCode: "already_terminated";
        /**
         * @description Calls, caller messages, recordings and client public keys
         * @enum {string}
         */
        CallsErrorCode: "external_ref_taken" | "client_mismatch" | "message_delivered" | "intake_invalid" | "public_key_invalid" | "recording_exists" | "recording_too_large" | "unsupported_audio" | "upload_aborted";
        /**
         * @description Deliveries, their downloads and receipts
         * @enum {string}
         */
        DeliveriesErrorCode: "nothing_to_deliver" | "recording_not_deliverable" | "items_withheld" | "delivery_credential" | "delivery_consumed" | "delivery_expired" | "delivery_locked" | "delivery_busy" | "delivery_range" | "receipt_mismatch" | "delivery_not_sent" | "no_delivery_contact";
        /**
         * @description Notices to clients and their webhooks
         * @enum {string}
         */
        NotificationsErrorCode: "no_delivery_recipient";
        /**
         * @description Breaches, consent, sub-processors, data subject requests, retention and usage
         * @enum {string}
         */
        ComplianceErrorCode: "reason_required" | "already_notified" | "high_risk" | "client_reports" | "positive_action_required" | "name_taken" | "transfer_mechanism_required" | "sub_processor_ended" | "category_not_covered" | "worker_unavailable" | "request_closed" | "extension_window_closed" | "extension_limit" | "wrong_request_type" | "identity_not_verified" | "operation_pending" | "forward_closed" | "export_not_instructed" | "email_taken" | "processing_restricted";
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
                outcome?: "success" | "denied" | "failure";
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
                outcome?: "success" | "denied" | "failure";
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
    AuditController_verification: {
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
                    "application/json": components["schemas"]["ChainStatusDto"];
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
            /** @description login_failed, totp_required, second_factor_invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many attempts from this address, or account_locked (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
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
            /** @description current_password_wrong */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description account_locked */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description reset_token_invalid, or an invalid field */
            400: {
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
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    AuthController_enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
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
            /** @description totp_already_enrolled */
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
    AuthController_confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmTotpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description totp_invalid */
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
            /** @description totp_not_enrolling */
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
    SessionController_start: {
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
                    "application/json": components["schemas"]["SessionDto"];
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
            /** @description Email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Too many sign-in attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
        };
    };
    SessionController_end: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cookie is cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A cookie-carrying request from another origin (origin_refused) */
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
    SessionController_me: {
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
                    "application/json": components["schemas"]["SessionUserDto"];
                };
            };
            /** @description Not signed in, or the session lapsed */
            401: {
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
                    "application/json": components["schemas"]["BreakGlassGrantView"][];
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
                    "application/json": components["schemas"]["BreakGlassGrantView"];
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
    BreakGlassController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
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
                    "application/json": components["schemas"]["BreakGlassGrantView"];
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
            /** @description Already closed or expired */
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
    ClientContactController_update: {
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
                "application/json": components["schemas"]["UpdateClientContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientView"];
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
            /** @description A dependency did not answer (which one: admins only) */
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
    AgentClientsController_clients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
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
                    "application/json": components["schemas"]["AgentClientsView"];
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
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
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
                    "application/json": components["schemas"]["UserDto"];
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
            /** @description cannot_disable_self */
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
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
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
                    "application/json": components["schemas"]["UserDto"];
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
            /** @description user_erased */
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
    UsersController_issuePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetIssuedDto"];
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
            /** @description user_disabled */
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
    UsersController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    UsersController_resetSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
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
                    "application/json": components["schemas"]["UserDto"];
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
                /** @description Only urgent messages */
                urgent?: boolean;
                /** @description Only messages no one of the client has read yet */
                unread?: boolean;
                /** @description Part of the caller's name, or 3 or more digits of the caller's number */
                search?: string;
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
                    "application/json": components["schemas"]["MessageDto"][];
                };
            };
            /** @description A filter or the page cursor is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description The role or the client instructions do not allow it */
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
    MessagesController_counts: {
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
                    "application/json": components["schemas"]["InboxCountsDto"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Only client users have an inbox */
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
    MessagesController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
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
                    "application/json": components["schemas"]["MessageStateDto"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Only client users mark messages; cookie requests need the portal Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such message of this client */
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
    MessagesController_markActioned: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
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
                    "application/json": components["schemas"]["MessageStateDto"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Only client users mark messages; cookie requests need the portal Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description No such message of this client */
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
                /** @description Required for operator users */
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
                    "application/json": components["schemas"]["DeliveryViewDto"][];
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
            /** @description Created by a client user: the one-time password is in this answer only */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedDeliveryDto"];
                };
            };
            /** @description Requested by an admin or the DPO: created, and its password sent to the client's delivery contact (never in this answer) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestedDeliveryDto"];
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
            /** @description The role may not create deliveries, or (admin, DPO) the client has no delivery contact to receive the password (no_delivery_contact) */
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
            /** @description Nothing to deliver (nothing_to_deliver), or a chosen item is not deliverable */
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
                /** @description Required for operator users */
                clientId?: string;
            };
            header?: never;
            path: {
                /** @description The delivery id (also the user name of the HTTP Basic credential) */
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
                    "application/json": components["schemas"]["DeliveryViewDto"];
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
                /** @description The delivery id (also the user name of the HTTP Basic credential) */
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
                    /** @description The archive is deterministic: the same length on every attempt */
                    "Content-Length"?: number;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description none: the archive is served whole */
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
            /** @description Already consumed (delivery_consumed) or expired (delivery_expired) */
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
    DeliveriesController_downloadFromForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id (also the user name of the HTTP Basic credential) */
                deliveryId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["DownloadFormDto"];
            };
        };
        responses: {
            /** @description messages.json, messages.csv, the recordings and manifest.json with SHA-256 checksums, streamed */
            200: {
                headers: {
                    /** @description attachment; filename="callvault-delivery-<id>.zip" */
                    "Content-Disposition"?: string;
                    /** @description The archive is deterministic: the same length on every attempt */
                    "Content-Length"?: number;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description none: the archive is served whole */
                    "Accept-Ranges"?: string;
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
            /** @description Already consumed (delivery_consumed) or expired (delivery_expired) */
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
                /** @description The delivery id (also the user name of the HTTP Basic credential) */
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
                    /** @description The archive is deterministic: the same length on every attempt */
                    "Content-Length"?: number;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description none: the archive is served whole */
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
            /** @description Already consumed (delivery_consumed) or expired (delivery_expired) */
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
    DeliveriesController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id (also the user name of the HTTP Basic credential) */
                deliveryId: unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryReceiptDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryReceiptResultDto"];
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
            /** @description The digest differs from the archive sent, or nothing was sent completely yet; nothing consumed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Already consumed (delivery_consumed) or expired (delivery_expired) */
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
    DailyUsageController_series: {
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
                    "application/json": components["schemas"]["DailyUsageView"];
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
    AgentController_limits: {
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
                    "application/json": components["schemas"]["AgentLimitsView"];
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
    AgentController_clients: {
        parameters: {
            query?: {
                /** @description Part of the client's name, any case */
                search?: string;
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
                    "application/json": components["schemas"]["IntakeScriptView"][];
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
    MessageCorrectionsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectMessageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectedMessageView"];
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
            /** @description No such message, not this agent’s, or outside its working window */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorDto"];
                };
            };
            /** @description Already delivered to the client */
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
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description Admins: this client's notices (without it, the operator's own) */
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
                    "application/json": components["schemas"]["NotificationDto"][];
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
    WebhooksController_list: {
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
                    "application/json": components["schemas"]["WebhookDto"][];
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
            /** @description No such client (or another client’s) */
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
    WebhooksController_create: {
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
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookDto"];
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
            /** @description No such client (or another client’s) */
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
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description No such client (or another client’s) */
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
