CREATE TABLE `comment_pending_edits` (
	`comment_id` integer PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`html` text NOT NULL,
	`content_note` text,
	`reason` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_reports_reporter_idx` ON `comment_reports` (`comment_id`,`reporter_id`);