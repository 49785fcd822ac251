DROP INDEX `waiting_comments_email_post_idx`;--> statement-breakpoint
ALTER TABLE `waiting_comments` ADD `parent_id` integer;--> statement-breakpoint
CREATE INDEX `waiting_comments_email_post_idx` ON `waiting_comments` (`email`,`post_id`);