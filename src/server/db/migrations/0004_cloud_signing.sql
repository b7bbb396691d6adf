CREATE TABLE "agreement_audit_entries" (
	"agreement_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"details" jsonb,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "agreement_audit_entries_agreement_id_sequence_pk" PRIMARY KEY("agreement_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "agreement_documents" (
	"agreement_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"kind" text NOT NULL,
	"signer_id" uuid,
	"content" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_documents_agreement_id_revision_pk" PRIMARY KEY("agreement_id","revision")
);
--> statement-breakpoint
CREATE TABLE "party_certificates" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"certificate_pem" text NOT NULL,
	"sealed_key" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"last_status_code" integer,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"event_types" text[] DEFAULT '{}' NOT NULL,
	"region_code" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "link_token_hash" text;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "link_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_hash" text;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "signature_kind" text;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "signature_image" "bytea";--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "signature_text" text;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "signed_via" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "document_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "seal_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "sealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "sealed_sha256" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "seal_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "seal_error" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "seal_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_audit_entries" ADD CONSTRAINT "agreement_audit_entries_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_signer_id_agreement_signers_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."agreement_signers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_certificates" ADD CONSTRAINT "party_certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_documents_sha256_idx" ON "agreement_documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signers_link_idx" ON "agreement_signers" USING btree ("link_token_hash");--> statement-breakpoint
CREATE INDEX "agreements_sealed_sha256_idx" ON "agreements" USING btree ("sealed_sha256");--> statement-breakpoint
CREATE INDEX "agreements_seal_due_idx" ON "agreements" USING btree ("seal_status","seal_next_attempt_at");