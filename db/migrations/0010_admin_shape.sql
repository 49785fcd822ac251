CREATE TABLE `category_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`category_id` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `menu_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`page_id` integer,
	`category_id` integer,
	`label` text,
	`url` text,
	FOREIGN KEY (`parent_id`) REFERENCES `menu_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `menu_items_parent_idx` ON `menu_items` (`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `page_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`fields` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_revisions_page_idx` ON `page_revisions` (`page_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `page_view_counts` (
	`day` text NOT NULL,
	`path` text NOT NULL,
	`post_id` integer,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `path`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_view_counts_post_idx` ON `page_view_counts` (`post_id`,`day`);--> statement-breakpoint
CREATE TABLE `page_working_copies` (
	`page_id` integer PRIMARY KEY NOT NULL,
	`fields` text NOT NULL,
	`saved_by_id` text,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `post_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`fields` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `post_revisions_post_idx` ON `post_revisions` (`post_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `post_working_copies` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`fields` text NOT NULL,
	`saved_by_id` text,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `referrer_counts` (
	`day` text NOT NULL,
	`host` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `host`)
);
--> statement-breakpoint
CREATE TABLE `tag_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`tag_id` integer NOT NULL,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `categories` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `comment_revisions` ADD `replaced_by_moderator_id` text;--> statement-breakpoint
ALTER TABLE `comments` ADD `moderator_edited_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `post_id` integer;--> statement-breakpoint
CREATE INDEX `outbox_post_idx` ON `outbox` (`post_id`,`status`);--> statement-breakpoint
ALTER TABLE `pages` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `icon_upload_id` integer;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `logo_upload_id` integer;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `time_zone` text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `date_format` text DEFAULT 'long' NOT NULL;--> statement-breakpoint
ALTER TABLE `site_settings` ADD `stats_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `uploads` ADD `original_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `uploads` ADD `alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `uploads` ADD `caption` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `uploads` ADD `variant_widths` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `moderation_alerts` text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `moderation_digest_at` integer;