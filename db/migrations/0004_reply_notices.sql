CREATE TABLE `reply_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` text NOT NULL,
	`reply_id` integer NOT NULL,
	`root_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`processed_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reply_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reply_notices_once_idx` ON `reply_notices` (`recipient_id`,`reply_id`);--> statement-breakpoint
CREATE INDEX `reply_notices_open_idx` ON `reply_notices` (`processed_at`);--> statement-breakpoint
CREATE TABLE `thread_mutes` (
	`user_id` text NOT NULL,
	`root_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `root_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `reply_notifications` text DEFAULT 'daily' NOT NULL;