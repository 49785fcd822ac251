CREATE TABLE `subscriber_categories` (
	`subscriber_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	PRIMARY KEY(`subscriber_id`, `category_id`),
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subscriber_categories_category_idx` ON `subscriber_categories` (`category_id`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`frequency` text DEFAULT 'each-post' NOT NULL,
	`all_categories` integer DEFAULT true NOT NULL,
	`confirmation_sent_at` integer,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	`last_digest_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_status_idx` ON `subscribers` (`status`,`frequency`);--> statement-breakpoint
ALTER TABLE `posts` ADD `subscribers_notified_at` integer;--> statement-breakpoint
CREATE INDEX `outbox_sent_idx` ON `outbox` (`status`,`sent_at`);