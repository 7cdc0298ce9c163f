package io.hookline.ejb.post;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;

/**
 * The markdown dialect of a post: CommonMark with the GitHub extensions, parsed with bounded nesting. The one
 * definition both the renderer that shows a post and the splitter that cuts a long message into posts parse
 * with, so that they cannot disagree about what a code block or a table is.
 */
public final class PostMarkdown {

    /**
     * Deepest a node of a parsed post may lie below the document root; commonmark-java's open block parsers
     * and inline nesting are capped at the same number (the renderer measures the tree against it too).
     */
    public static final int MAX_NESTING_DEPTH = 50;

    /** Tables, strikethrough, autolinks and task lists: what the renderer renders, in its order. */
    public static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create());

    private PostMarkdown() {}

    /** A parser builder for post markdown; callers may add what does not change the parse (source spans). */
    public static Parser.Builder parserBuilder() {
        return Parser.builder()
                .extensions(EXTENSIONS)
                .maxOpenBlockParsers(MAX_NESTING_DEPTH)
                .maxInlineNesting(MAX_NESTING_DEPTH);
    }
}
