ALTER TABLE `reply_notices` ADD `emailed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `new_post_email` text DEFAULT 'full' NOT NULL;