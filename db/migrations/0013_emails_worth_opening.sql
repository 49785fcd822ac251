PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`email` text NOT NULL,
	`email_verified` integer,
	`image` text,
	`role` text DEFAULT 'member' NOT NULL,
	`slug` text,
	`bio` text,
	`commenting_blocked` integer DEFAULT false NOT NULL,
	`reply_notifications` text DEFAULT 'instant' NOT NULL,
	`moderation_alerts` text DEFAULT 'never' NOT NULL,
	`moderation_digest_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "name", "email", "email_verified", "image", "role", "slug", "bio", "commenting_blocked", "reply_notifications", "moderation_alerts", "moderation_digest_at", "created_at") SELECT "id", "name", "email", "email_verified", "image", "role", "slug", "bio", "commenting_blocked", "reply_notifications", "moderation_alerts", "moderation_digest_at", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_slug_unique` ON `users` (`slug`);--> statement-breakpoint
ALTER TABLE `reply_notices` ADD `emailed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `new_post_email` text DEFAULT 'full' NOT NULL;