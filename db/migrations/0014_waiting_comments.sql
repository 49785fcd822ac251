CREATE TABLE `waiting_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`body` text NOT NULL,
	`content_note` text,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waiting_comments_token_hash_unique` ON `waiting_comments` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `waiting_comments_email_post_idx` ON `waiting_comments` (`email`,`post_id`);