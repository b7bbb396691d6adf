ALTER TABLE "agreement_signers" ADD COLUMN "code_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "code_failures_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "codes_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "codes_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD COLUMN "link_locked_at" timestamp with time zone;