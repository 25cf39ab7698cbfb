/**
 * The OpenAPI 3.1 description of the member API, served at /api/openapi.json.
 * Request bodies are generated from the same zod schemas the handlers validate with,
 * so the document cannot drift from what the server accepts.
 */
import { z } from "zod";
import { createAccountInput } from "../accounts/create-account";
import { updatePreferencesInput } from "../accounts/update-preferences";
import { requestWithdrawalInput } from "../withdrawal/request-withdrawal";
import { passwordResetInput } from "../accounts/send-password-reset";
import { changeMarketingConsentInput } from "../accounts/change-marketing-consent";
import { changeNameInput } from "../accounts/change-name";
import { filePrivacyRequestInput } from "../privacy/file-privacy-request";
import { sendInquiryInput } from "../support/send-inquiry";
import { INQUIRIES_PER_ACCOUNT } from "../abuse/rate-limit";
import { PRIVACY_REQUEST_DEADLINE_DAYS } from "../privacy/privacy-request";
import { setProcessingRestrictionInput } from "../privacy/set-processing-restriction";
import { startSessionInput } from "../auth/start-session";
import { ERROR_CODES } from "../errors/app-error";
import { generationInput } from "../generation/generation-job";
import { createOrderInput, MAX_OPEN_ORDERS, ORDERS_PER_MEMBER } from "../orders/create-order";
import { CHECKOUT_WINDOW_MINUTES } from "../orders/order";
import { WITHDRAWAL_DAYS } from "../orders/withdrawal-period";
import { confirmTossPaymentInput } from "../payments/confirm-toss-payment";
import { failTossPaymentInput } from "../payments/fail-toss-payment";
import { STAFF_ACCESS_REASONS } from "../staff/access-reasons";
import { findMemberInput } from "../staff/find-member-input";
import { giveSecondFactorInput } from "../staff/give-second-factor";
import { approveRefundInput, rejectRefundInput } from "../staff/refund-decision-input";
import { startStaffSignInInput } from "../staff/start-staff-sign-in";
import { adjustPointsBody } from "../staff/adjust-points-body";
import { checkAgentAuthorityInput } from "../privacy/check-agent-authority";
import { closePrivacyRequestInput } from "../privacy/close-privacy-request";
import { executePrivacyRequestInput } from "../privacy/execute-privacy-request";
import { answerInquiryInput } from "../support/answer-inquiry";
import { renewPrivacyConsentInput } from "../accounts/renew-privacy-consent";
import { cookieChoiceInput } from "../privacy/record-cookie-choice";

const schema = (zodSchema: z.ZodType) => {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(zodSchema, { io: "input", unrepresentable: "any" });
  return jsonSchema;
};

const body = (zodSchema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: schema(zodSchema) } },
});
const ok = (description: string, ref?: string) => ({
  description,
  ...(ref ? { content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } } : {}),
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]));
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const pageParams = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 24 } },
  { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
];
const member = { security: [{ session: [] }, { bearer: [] }] };
const staff = { security: [{ staffSession: [] }], tags: ["staff"] };
const staffNote = (roles: string) =>
  `Staff console (${roles}). The staff session cookie after both factors; every call is appended to the staff access log, refusals included.`;
const reasonParam = {
  name: "reason",
  in: "query",
  required: true,
  schema: { type: "string", enum: [...STAFF_ACCESS_REASONS] },
  description: "Why the member's data is needed; logged. Without it: 400 REASON_REQUIRED, nothing shown.",
};
const acceptLanguage = { $ref: "#/components/parameters/AcceptLanguage" };

type Operation = { parameters?: unknown[] } & Record<string, unknown>;

/** Every operation answers its errors in the language of Accept-Language. */
function withAcceptLanguage(
  paths: Record<string, Record<string, Operation>>,
): Record<string, Record<string, Operation>> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([method, operation]) => [
          method,
          { ...operation, parameters: [...(operation.parameters ?? []), acceptLanguage] },
        ]),
      ),
    ]),
  );
}

const statuses = [...new Set(Object.values(ERROR_CODES))].sort();

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "imagesfactory member API",
      version: "1",
      description:
        "Cookie sessions (POST /api/session) or `Authorization: Bearer <Firebase ID token>`. Every request but GET and HEAD must carry the app's Origin; an API client with a bearer token may send no Origin instead. JSON bodies: `Content-Type: application/json`, at most 64 KiB. Errors: `{error:{code,message,details?}}`: the code is the contract; the message (and each message in `details.fields`) is for people, in the language of the `Accept-Language` header (Korean or English; Korean when the header names neither).",
    },
    components: {
      parameters: {
        AcceptLanguage: {
          name: "Accept-Language",
          in: "header",
          required: false,
          schema: { type: "string", examples: ["ko", "en-US,en;q=0.9"] },
          description:
            "The language of error messages: `ko` or `en`, the best match by the header's weights (`en-US` counts as `en`). Korean when the header is missing or names neither.",
        },
      },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "__session" },
        staffSession: { type: "apiKey", in: "cookie", name: "staff_session" },
        bearer: { type: "http", scheme: "bearer", bearerFormat: "Firebase ID token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: Object.keys(ERROR_CODES), description: "What went wrong; stable." },
                message: { type: "string", description: "For people, in the language of Accept-Language." },
                details: {
                  type: "object",
                  description:
                    "Facts for clients (e.g. `retryAfterSeconds`, `required`, `balance`); `fields` maps each refused field to its message.",
                },
              },
            },
          },
        },
        Generation: {
          type: "object",
          properties: {
            id: { type: "string" },
            status: { enum: ["queued", "running", "succeeded", "partial", "failed"] },
            images: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  url: { type: "string" },
                  thumbnailUrl: {
                    type: "string",
                    description: "The smallest thumbnail, or the original while none is made",
                  },
                  thumbnails: {
                    type: "array",
                    description: "Each thumbnail, smallest first, for a srcset (empty while they are being made)",
                    items: {
                      type: "object",
                      properties: { url: { type: "string" }, width: { type: "integer" }, height: { type: "integer" } },
                    },
                  },
                },
              },
            },
            pointsReserved: { type: "integer" },
            pointsCharged: { type: ["integer", "null"] },
            errorCode: {
              type: ["string", "null"],
              description:
                "Why a generation ended short: `prompt_refused` (the image model's safety system refused the prompt; nothing charged for it), `model_unavailable` (the provider no longer offers the model; points returned), `images_failed`, `canceled`, `worker_lost`, `queue_timeout`.",
            },
          },
        },
        Order: {
          type: "object",
          required: [
            "orderId",
            "packageId",
            "provider",
            "points",
            "amount",
            "currency",
            "status",
            "createdAt",
            "expiresAt",
          ],
          properties: {
            orderId: { type: "string" },
            packageId: { type: "string" },
            provider: { type: "string" },
            points: { type: "integer" },
            amount: { type: "integer", description: "In the currency's smallest unit: won, or US cents." },
            currency: { enum: ["KRW", "USD"] },
            status: {
              enum: [
                "pending",
                "waiting_for_deposit",
                "paid",
                "partially_refunded",
                "refunded",
                "canceled",
                "failed",
                "expired",
              ],
            },
            createdAt: { type: "string", format: "date-time" },
            expiresAt: {
              type: "string",
              format: "date-time",
              description: "When an unpaid order closes as `expired`.",
            },
            paidAt: { type: ["string", "null"], format: "date-time" },
            receiptUrl: { type: ["string", "null"], description: "The payment provider's receipt, once paid." },
            refundedAmount: { type: "integer", description: "Money refunded so far, in the same unit as `amount`." },
            refunds: { type: "array", items: { $ref: "#/components/schemas/Refund" } },
          },
        },
        Refund: {
          type: "object",
          required: ["refundId", "origin", "status", "amount", "currency", "points", "requestedAt"],
          properties: {
            refundId: { type: "string" },
            origin: {
              enum: ["withdrawal", "request", "provider", "dispute"],
              description:
                "withdrawal: the buyer's own within the withdrawal period, done at once; request: decided by support staff; provider: made at the payment provider; dispute: a chargeback.",
            },
            status: { enum: ["requested", "processing", "succeeded", "failed", "rejected", "reversed"] },
            amount: { type: "integer", description: "Money returned, in the order's currency's smallest unit." },
            currency: { enum: ["KRW", "USD"] },
            points: { type: "integer", description: "Points of the purchase taken back." },
            review: {
              enum: [
                "withdrawal-period-over",
                "points-used",
                "partly-refunded",
                "needs-bank-account",
                "provider-refused",
                "provider-cannot-refund",
                null,
              ],
              description: "Why it went to support staff instead of being refunded at once.",
            },
            requestedAt: { type: "string", format: "date-time" },
            completedAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        OrderPage: {
          type: "object",
          properties: {
            orders: { type: "array", items: { $ref: "#/components/schemas/Order" } },
            nextCursor: { type: ["string", "null"] },
          },
        },
        Catalog: {
          type: "object",
          properties: {
            models: {
              type: "array",
              description: "Only the models whose provider this deployment configures.",
              items: {
                type: "object",
                required: ["id", "name", "provider", "quality", "sizes", "pointsPerImage"],
                properties: {
                  id: { type: "string", examples: ["gpt-image-2-medium"] },
                  name: { type: "string" },
                  provider: { enum: ["local", "openai", "replicate"] },
                  quality: {
                    enum: ["low", "medium", "high", null],
                    description: "The provider's quality tier, for models sold one entry per tier.",
                  },
                  sizes: {
                    type: "array",
                    items: { type: "string" },
                    description:
                      "What the model accepts as `size`: pixel sizes (`1024x1536`) for GPT image and the local models, aspect ratios (`16:9`) for FLUX and Stable Diffusion.",
                  },
                  pointsPerImage: {
                    type: "object",
                    additionalProperties: { type: "integer" },
                    description: "Points per image, by size.",
                  },
                },
              },
            },
            packages: { type: "array", items: { type: "object" } },
            maxImagesPerGeneration: { type: "integer" },
            paymentProviders: { type: "array", items: { type: "string" } },
            paymentOptions: {
              type: "array",
              description: "The configured payment providers, each with the currency it charges (`KRW` or `USD`).",
              items: {
                type: "object",
                required: ["provider", "currency"],
                properties: {
                  provider: { type: "string", enum: ["sandbox", "toss", "stripe"] },
                  currency: { type: "string", enum: ["KRW", "USD"] },
                },
              },
            },
          },
        },
      },
      responses: Object.fromEntries(
        statuses.map((status) => [
          `Error${status}`,
          {
            description: `Error (${status})`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
    paths: withAcceptLanguage({
      "/api/session": {
        post: {
          summary: "Sign in: trade a Firebase ID token for a session cookie",
          requestBody: body(startSessionInput),
          responses: { 200: ok("Cookie set"), ...errors(400, 401, 403, 413, 415, 422) },
        },
        delete: {
          summary: "Sign out: revoke sessions and clear the cookie",
          responses: { 204: ok("Signed out"), ...errors(403) },
        },
      },
      "/api/account": {
        post: {
          ...member,
          summary: "Complete sign-up (name, age 14+, consents; language and time zone of mail)",
          description:
            "`locale` defaults to the language of Accept-Language, `timeZone` to Asia/Seoul; the member's mail uses both.",
          requestBody: body(createAccountInput),
          responses: { 201: ok("Member created"), ...errors(400, 401, 403, 409, 413, 415, 422) },
        },
      },
      "/api/account/preferences": {
        put: {
          ...member,
          summary: "Store the member's language and time zone, in which their mail goes out",
          description: "Send either or both; a field left out keeps its value. A bad value changes nothing (422).",
          requestBody: body(updatePreferencesInput),
          responses: { 200: ok("The stored language and time zone"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/account/withdrawal": {
        get: {
          ...member,
          summary: "What closing the account would do: the points that lapse, and what holds it back",
          description:
            "pointsLapsing (bonus included) and paidPointsLapsing lapse on closing (terms, article 9); blockers lists refund-open (a refund is completed first), payment-open and generation-open.",
          responses: { 200: ok("The preview"), ...errors(401, 403) },
        },
        post: {
          ...member,
          summary: "Close the account (회원 탈퇴)",
          description:
            "Needs an ID token from a sign-in made within the last 5 minutes, of the same account, and confirm: true. Destroys the member's data and moves what the law keeps to the pseudonymised legal hold; a step that fails is finished by the sweep (completed: false). 409 with details.blockers while a refund, a payment or a generation is open. Clears the session cookie.",
          requestBody: body(requestWithdrawalInput),
          responses: { 200: ok("Closed; the remaining points lapsed"), ...errors(400, 401, 403, 409, 413, 415, 422) },
        },
      },
      "/api/account/data": {
        get: {
          ...member,
          summary: "Everything held about the member, grouped by the data inventory's kinds",
          description:
            "Each section names an inventory kind with its title, purpose and field descriptions in the language of Accept-Language, and the member's records (in full, or counted with a link to the page that lists them: images and generations to /gallery, orders, refunds and the ledger to /points).",
          responses: { 200: ok("The member's data"), ...errors(401, 403) },
        },
      },
      "/api/account/name": {
        put: {
          ...member,
          summary: "Correct the member's name",
          requestBody: body(changeNameInput),
          responses: { 200: ok("The stored name"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/account/marketing-consent": {
        post: {
          ...member,
          summary: "Give or withdraw the marketing consent",
          description:
            "Each call records a new consent record (time, policy version, the wording in `locale` or the request's language, method my-page); earlier records are kept.",
          requestBody: body(changeMarketingConsentInput),
          responses: { 201: ok("The consent record written"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/account/restrictions": {
        put: {
          ...member,
          summary: "Restrict processing or object to marketing, or lift either",
          description:
            "restriction: no new generations and no marketing until lifted (409 PROCESSING_RESTRICTED meanwhile); marketing-objection: no marketing mail. Repeating a call changes nothing.",
          requestBody: body(setProcessingRestrictionInput),
          responses: { 200: ok("Whether it is in force, and since when"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/account/privacy-requests": {
        post: {
          ...member,
          summary: "File a privacy request that My page cannot serve alone",
          description: `Recorded for staff, due ${PRIVACY_REQUEST_DEADLINE_DAYS} days after receipt. A correction names the inventory kind (dataKind) said to be wrong, which is not used for marketing until the request is closed.`,
          requestBody: body(filePrivacyRequestInput),
          responses: { 201: ok("The request recorded, with its deadline"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/account/inquiries": {
        get: {
          ...member,
          parameters: pageParams,
          summary: "The member's own inquiries and complaints, newest first, with staff's answers",
          responses: { 200: ok("Inquiries"), ...errors(401, 403, 422) },
        },
        post: {
          ...member,
          summary: "Send an inquiry or a complaint to staff",
          description: `Answered by staff on My page and by mail; kept 3 years after the answer as a record of consumer complaints. At most ${INQUIRIES_PER_ACCOUNT.limit} a day: past it, 429 \`RATE_LIMITED\` (\`details.retryAfterSeconds\`) and nothing is stored.`,
          requestBody: body(sendInquiryInput),
          responses: { 201: ok("The inquiry recorded"), ...errors(400, 401, 403, 413, 415, 422, 429) },
        },
      },
      "/api/account/exports": {
        post: {
          ...member,
          summary: "Ask for an archive of everything held about the member (portability)",
          description:
            "Prepared in the background (a ZIP with one JSON file per inventory kind and the image files) and announced by mail; while one is being prepared, asking again answers that one.",
          responses: { 202: ok("The export, preparing"), ...errors(401, 403) },
        },
      },
      "/api/account/exports/{id}": {
        get: {
          ...member,
          summary: "Download the member's own archive, for 7 days after it is ready",
          parameters: [idParam("id")],
          responses: {
            200: { description: "The ZIP archive", content: { "application/zip": {} } },
            ...errors(401, 403, 404),
          },
        },
      },
      "/api/account/verification-email": {
        post: {
          ...member,
          summary: "Mail a confirmation link to the user's own address",
          description: "In the member's language; before sign-up is completed, in the language of Accept-Language.",
          responses: { 202: ok("Sent"), ...errors(401, 403, 409, 429) },
        },
      },
      // ---- Privacy policy consent and cookie choices ----
      "/api/cookie-consent": {
        post: {
          summary: "Store a cookie choice (functional, performance) in the necessary cookie-consent cookie",
          description:
            "Anyone may call it; for a signed-in member the choice is also recorded as one consent record per category.",
          requestBody: body(cookieChoiceInput),
          responses: { 200: ok("The choice stored"), ...errors(400, 403, 413, 415, 422, 503) },
        },
      },
      "/api/account/privacy-consent": {
        post: {
          ...member,
          summary: "Consent to the privacy policy version in effect, when a change asks for new consent",
          description: "Records nothing when no consent is pending (recorded: null).",
          requestBody: body(renewPrivacyConsentInput),
          responses: { 200: ok("The version consented to, or null"), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      "/api/password-reset": {
        post: {
          summary: "Mail a password-reset link (same answer for unknown addresses)",
          description: "In the member's language; for an address without a member, in the language of Accept-Language.",
          requestBody: body(passwordResetInput),
          responses: { 202: ok("Accepted"), ...errors(400, 403, 413, 415, 422, 429) },
        },
      },
      "/api/webhooks/sendgrid": {
        post: {
          summary: "SendGrid's signed Event Webhook: bounces, drops and spam reports stop mail to an address",
          description:
            "Called by SendGrid only. X-Twilio-Email-Event-Webhook-Signature (ECDSA P-256) over the timestamp header and the raw body; answers 401 to a missing, forged or stale signature.",
          responses: { 204: ok("Recorded"), ...errors(400, 401, 404, 413) },
        },
      },
      "/api/me": {
        get: { ...member, summary: "The signed-in member", responses: { 200: ok("Member"), ...errors(401, 403) } },
      },
      "/api/catalog": {
        get: {
          summary: "The configured models with their provider, sizes and points per image; points packages",
          responses: { 200: ok("Catalog", "Catalog") },
        },
      },
      "/api/generations": {
        post: {
          ...member,
          summary: "Submit a generation; reserves its points",
          description:
            "The prompt is moderated before anything is reserved: a refused prompt answers 422 `PROMPT_REFUSED` (`details.category` says why) and reserves nothing; 502 `PROVIDER_FAILED` when it could not be checked. A model whose provider is not configured here answers 422 `VALIDATION_FAILED` on `model`.",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: { type: "string", minLength: 8, maxLength: 128 },
            },
          ],
          requestBody: body(generationInput),
          responses: { 202: ok("Queued", "Generation"), ...errors(400, 401, 402, 403, 409, 413, 415, 422, 502) },
        },
      },
      "/api/generations/{id}": {
        get: {
          ...member,
          parameters: [idParam("id")],
          summary: "A generation's state and images",
          responses: { 200: ok("Generation", "Generation"), ...errors(401, 403, 404) },
        },
      },
      "/api/generations/{id}/cancel": {
        post: {
          ...member,
          parameters: [idParam("id")],
          summary: "Stop the generation: a queued one at once, a running one after the image in progress",
          responses: { 200: ok("Generation", "Generation"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/generations/{id}/events": {
        get: {
          ...member,
          parameters: [idParam("id")],
          summary:
            "Server-sent events with the generation's state on every change (`generation`), comments while nothing changes, `gone` when it does not exist, `error` (retryable) when watching failed",
          responses: { 200: { description: "text/event-stream" }, ...errors(401, 404, 429) },
        },
      },
      "/api/generations/{id}/zip": {
        get: {
          ...member,
          parameters: [idParam("id")],
          summary: "All images of a generation as one ZIP",
          responses: { 200: { description: "application/zip" }, ...errors(401, 404) },
        },
      },
      "/api/images": {
        get: {
          ...member,
          parameters: pageParams,
          summary: "The member's gallery, newest first",
          responses: { 200: ok("Page of images"), ...errors(401, 403, 422) },
        },
      },
      "/api/images/{id}": {
        delete: {
          ...member,
          parameters: [idParam("id")],
          summary: "Delete an image and its files at once",
          responses: { 204: ok("Deleted"), ...errors(401, 403, 404) },
        },
      },
      "/api/images/{id}/file": {
        get: {
          ...member,
          parameters: [idParam("id")],
          summary: "The PNG (add ?download for an attachment): a redirect to a signed URL that lives minutes",
          responses: { 303: { description: "Location: a signed URL of the image/png" }, ...errors(401, 404) },
        },
      },
      "/api/images/{id}/thumbnail": {
        get: {
          ...member,
          parameters: [
            idParam("id"),
            {
              name: "w",
              in: "query",
              required: false,
              schema: { type: "integer" },
              description: "A thumbnail's width, as listed in the image's thumbnails; the smallest without it",
            },
          ],
          summary: "A WebP thumbnail: a redirect to a signed URL that lives minutes",
          responses: { 303: { description: "Location: a signed URL of the image/webp" }, ...errors(401, 404) },
        },
      },
      "/api/blobs": {
        get: {
          parameters: ["key", "disposition", "filename", "expires", "signature"].map((name) => ({
            name,
            in: "query",
            required: true,
            schema: { type: "string" },
          })),
          summary: "Local-disk storage's signed URLs (what the image redirects point at); no session needed",
          responses: { 200: { description: "The bytes, cached privately for the URL's life" }, ...errors(403, 404) },
        },
      },
      "/api/points": {
        get: {
          ...member,
          parameters: pageParams,
          summary: "Balance and ledger entries, newest first",
          responses: { 200: ok("Balance and entries"), ...errors(401, 403, 422) },
        },
      },
      "/api/orders": {
        get: {
          ...member,
          parameters: pageParams,
          summary: "The member's orders, newest first, with their state and receipt links",
          responses: { 200: ok("Orders", "OrderPage"), ...errors(401, 403, 422) },
        },
        post: {
          ...member,
          summary: "Order a points package; amount decided by the server",
          description: `A repeat with the same \`Idempotency-Key\` and body answers the first order (a double click makes one order). At most ${MAX_OPEN_ORDERS} unpaid orders may be open at once, and ${ORDERS_PER_MEMBER.limit} made an hour: past either, 429 \`RATE_LIMITED\` (\`details.retryAfterSeconds\`) and nothing is stored. An unpaid order expires at \`expiresAt\` (${CHECKOUT_WINDOW_MINUTES} minutes; a virtual account's deposit due date), after the provider is asked whether it was paid after all.`,
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: { type: "string", minLength: 8, maxLength: 128 },
            },
          ],
          requestBody: body(createOrderInput),
          responses: { 201: ok("Order and checkout URL"), ...errors(400, 401, 403, 409, 413, 415, 422, 429) },
        },
      },
      "/api/orders/{id}": {
        get: {
          ...member,
          parameters: [idParam("id")],
          summary: "One of the member's orders: its state, expiry, receipt link and refunds",
          responses: { 200: ok("Order", "Order"), ...errors(401, 404) },
        },
      },
      "/api/orders/{id}/refund": {
        post: {
          ...member,
          parameters: [
            idParam("id"),
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: { type: "string", minLength: 8, maxLength: 128 },
            },
          ],
          summary: "Refund a paid order (청약철회), or ask support staff for a refund",
          description: `Within ${WITHDRAWAL_DAYS} days of payment, a purchase whose points are all unused is refunded at once, in full, through its provider: its points leave the balance first, and the answer is 200 with status \`succeeded\` (or \`processing\` while the provider is unreachable; it is asked again, with the same idempotency key, until it answers). Anything else (the period over, points spent, a virtual-account payment, a partial refund before) is recorded as a request for support staff: 202 with status \`requested\` and \`review\` saying why. Welcome points are never refunded. A repeat with the same \`Idempotency-Key\` answers the first refund; a second refund while one is open is 409.`,
          responses: {
            200: ok("Refund done or under way", "Refund"),
            202: ok("Refund request recorded for staff", "Refund"),
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      "/api/payments/sandbox/{orderId}/complete": {
        post: {
          ...member,
          parameters: [idParam("orderId")],
          summary: "Sandbox only: pay the order (once)",
          responses: { 200: ok("Order paid"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/payments/sandbox/{orderId}/cancel": {
        post: {
          ...member,
          parameters: [idParam("orderId")],
          summary: "Sandbox only: cancel the pending order",
          responses: { 200: ok("Order canceled"), ...errors(401, 403, 404, 409) },
        },
      },
      "/api/webhooks/stripe": {
        post: {
          summary: "Stripe's webhook events about Checkout Sessions, refunds and disputes (not for members)",
          description:
            "Stripe-Signature (HMAC-SHA256 of `t.body` with STRIPE_WEBHOOK_SECRET, any matching v1, at most 300 s old) is checked over the raw body; a bad or stale one is 400 and changes nothing. checkout.session.completed (when paid), async_payment_succeeded, async_payment_failed and expired are acted on, and so are charge.refunded and charge.dispute.created, .funds_withdrawn, .funds_reinstated and .closed (refunds and chargebacks made at Stripe, recorded once by Stripe's ids); any other type is acknowledged and ignored. Only ids are read, and the session, charge or dispute is read again from Stripe. An event id seen before changes nothing. 5xx only when Stripe or the database could not be reached, so Stripe's retry can succeed.",
          security: [],
          responses: { 200: ok("Handled, ignored or already handled"), ...errors(400, 404, 413, 502, 503) },
        },
      },
      "/api/payments/toss/confirm": {
        post: {
          ...member,
          summary: "Toss: confirm the payment the success redirect named (the order's owner only)",
          description:
            "Checked against the stored order first (another member's order 404, another amount 422: neither reaches Toss); then confirmed at Toss with an Idempotency-Key. Card payments end paid; a virtual account ends waiting_for_deposit. Toss's decline is 422 `PROVIDER_REFUSED` (`details.providerCode`: Toss's code); Toss unreachable or a passing error at Toss is 502 `PROVIDER_FAILED`, and a retry confirms once.",
          requestBody: body(confirmTossPaymentInput),
          responses: {
            200: ok("Order paid or waiting for deposit"),
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 502),
          },
        },
      },
      "/api/payments/toss/fail": {
        post: {
          ...member,
          summary: "Toss: the fail redirect closes the member's pending order as failed",
          requestBody: body(failTossPaymentInput),
          responses: { 200: ok("Order failed"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/webhooks/toss": {
        post: {
          summary: "Toss Payments' webhooks (not for members)",
          description:
            "PAYMENT_STATUS_CHANGED is not signed: only its paymentKey and orderId are read, and the payment is read again from Toss. DEPOSIT_CALLBACK must carry the secret of the virtual account's confirm. Other events are answered 200 and ignored.",
          security: [],
          responses: { 200: { description: "Taken or ignored" }, ...errors(400, 401, 413, 502) },
        },
      },
      "/api/staff/session": {
        post: {
          tags: ["staff"],
          summary: "Staff sign-in, first factor: a fresh Firebase ID token of a staff account",
          description:
            "Sets the staff session cookie (httpOnly, SameSite=Strict; 8 hours at most, 30 minutes idle), which does nothing until the second factor is given. `enrolled` says whether the authenticator app is set up or enrolment comes first.",
          security: [],
          requestBody: body(startStaffSignInInput),
          responses: { 200: ok("Session opened, second factor owed"), ...errors(400, 401, 403, 413, 415, 422, 429) },
        },
        delete: {
          tags: ["staff"],
          summary: "Staff sign-out: ends the session and clears its cookie",
          security: [],
          responses: { 204: ok("Signed out"), ...errors(403) },
        },
      },
      "/api/staff/second-factor": {
        post: {
          tags: ["staff"],
          summary: "Staff sign-in, second factor: a TOTP code or a recovery code",
          description:
            "The first code ever finishes enrolment and answers the ten recovery codes, this once. A code already used (its 30-second step or an earlier one) is refused; five tries an hour per account, right or wrong.",
          security: [{ staffSession: [] }],
          requestBody: body(giveSecondFactorInput),
          responses: { 200: ok("Both factors given"), ...errors(400, 401, 403, 409, 413, 415, 422, 429) },
        },
      },
      "/api/staff/members/find": {
        post: {
          ...staff,
          summary: "Find a member by sign-in address or ID, with a stated reason",
          description: `${staffNote("support, admin")} \`query\` is an address (it has an @) or a member ID; answers \`{ memberId }\`. A POST, so what was typed is never in a URL (request logs, history, proxies); logged as \`member.find\`.`,
          parameters: [reasonParam],
          requestBody: body(findMemberInput),
          responses: { 200: ok("The member's ID"), ...errors(400, 401, 403, 404, 413, 415, 422) },
        },
      },
      "/api/staff/members/{memberId}": {
        get: {
          ...staff,
          summary: "One member, with a stated reason",
          description: `${staffNote("support, admin")} Profile, points, orders with refunds, privacy requests; generations with their prompts only for the reasons image-complaint and legal-request.`,
          parameters: [idParam("memberId"), reasonParam],
          responses: { 200: ok("The member"), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/staff/refunds": {
        get: {
          ...staff,
          summary: "Refund requests waiting for a decision, oldest first",
          description: staffNote("support, admin"),
          responses: { 200: ok("The queue"), ...errors(401, 403) },
        },
      },
      "/api/staff/refunds/{id}/approve": {
        post: {
          ...staff,
          summary: "Approve a refund request, in full or in part",
          description: `${staffNote("support, admin")} Takes back \`points\` unused paid points of the purchase and returns \`amount\` through the provider; the member is mailed when the money has gone back.`,
          parameters: [idParam("id")],
          requestBody: body(approveRefundInput),
          responses: {
            200: ok("Refund under way or done", "Refund"),
            ...errors(400, 401, 403, 404, 409, 413, 415, 422, 502),
          },
        },
      },
      "/api/staff/refunds/{id}/reject": {
        post: {
          ...staff,
          summary: "Reject a refund request",
          description: `${staffNote("support, admin")} The reason is recorded and mailed to the member.`,
          parameters: [idParam("id")],
          requestBody: body(rejectRefundInput),
          responses: { 200: ok("Rejected", "Refund"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/privacy-requests": {
        get: {
          ...staff,
          summary: "Open privacy requests, due soonest (overdue) first",
          description: `${staffNote("support, admin")} Each with its deadline (${PRIVACY_REQUEST_DEADLINE_DAYS} days) and \`overdue\`.`,
          parameters: pageParams,
          responses: { 200: ok("The queue"), ...errors(401, 403, 422) },
        },
      },
      "/api/staff/privacy-requests/{id}/agent": {
        post: {
          ...staff,
          summary: "Record the check of an agent's power of attorney",
          description: staffNote("support, admin"),
          parameters: [idParam("id")],
          requestBody: body(checkAgentAuthorityInput),
          responses: { 200: ok("Recorded"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/privacy-requests/{id}/execute": {
        post: {
          ...staff,
          summary: "Carry out a privacy request (export, correction, restriction, objection, deletion)",
          description: `${staffNote("support, admin")} Through the use case My page uses; closes the request and tells the member. An action that does not answer the request's kind is refused.`,
          parameters: [idParam("id")],
          requestBody: body(executePrivacyRequestInput),
          responses: { 200: ok("Done"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/privacy-requests/{id}/close": {
        post: {
          ...staff,
          summary: "Close a privacy request: refused, answered, or completed outside the console",
          description: `${staffNote("support, admin")} The note (required to refuse or answer) is what the member is told by mail.`,
          parameters: [idParam("id")],
          requestBody: body(closePrivacyRequestInput),
          responses: { 200: ok("Closed"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/inquiries": {
        get: {
          ...staff,
          summary: "The support inbox: open inquiries and complaints, longest waiting first",
          description: staffNote("support, admin"),
          parameters: pageParams,
          responses: { 200: ok("The inbox"), ...errors(401, 403, 422) },
        },
      },
      "/api/staff/inquiries/{id}/answer": {
        post: {
          ...staff,
          summary: "Answer an inquiry (shown on My page and mailed)",
          description: staffNote("support, admin"),
          parameters: [idParam("id")],
          requestBody: body(answerInquiryInput),
          responses: { 200: ok("Answered"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/members/{memberId}/points": {
        post: {
          ...staff,
          summary: "Adjust a member's points: a new ledger entry with a reason and what it corrects",
          description: `${staffNote("admin")} Never below zero (402). Needs an Idempotency-Key header.`,
          parameters: [idParam("memberId")],
          requestBody: body(adjustPointsBody),
          responses: { 200: ok("Adjusted"), ...errors(400, 401, 402, 403, 404, 409, 413, 415, 422) },
        },
      },
      "/api/staff/access-log": {
        get: {
          ...staff,
          summary: "Prove the staff access log",
          description: `${staffNote("admin")} As \`npm run audit:verify\`: the entries proven and the first broken one (changed, removed or reordered), or null.`,
          responses: { 200: ok("The verdict"), ...errors(401, 403) },
        },
      },
      "/api/webhooks/replicate": {
        post: {
          summary: "Replicate's prediction webhook (not for members)",
          description:
            "Signed as Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature` over the raw body, with REPLICATE_WEBHOOK_SECRET); a delivery id seen before changes nothing. Only the prediction id is read: the prediction itself is read again from Replicate.",
          security: [],
          responses: { 204: { description: "Taken" }, ...errors(400, 401, 413) },
        },
      },
    }),
  };
}
