-- Custom migration: the editable menu starts as the fixed navigation it replaces
-- (Home, every category by name, Archive, then the pages that were in the menu), and categories keep
-- their alphabetical order as their initial position.
UPDATE `categories` SET `position` = (SELECT count(*) FROM `categories` AS c2 WHERE c2.`name` < `categories`.`name`);--> statement-breakpoint
INSERT INTO `menu_items` (`parent_id`, `position`, `kind`, `label`, `url`) VALUES (NULL, 0, 'link', 'Home', '/');--> statement-breakpoint
INSERT INTO `menu_items` (`parent_id`, `position`, `kind`, `category_id`) SELECT NULL, 1 + `position`, 'category', `id` FROM `categories`;--> statement-breakpoint
INSERT INTO `menu_items` (`parent_id`, `position`, `kind`, `label`, `url`) VALUES (NULL, 1000, 'link', 'Archive', '/archive');--> statement-breakpoint
INSERT INTO `menu_items` (`parent_id`, `position`, `kind`, `page_id`) SELECT NULL, 1001 + `nav_order`, 'page', `id` FROM `pages` WHERE `nav_order` IS NOT NULL;
