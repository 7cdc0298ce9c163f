package io.hookline.ejb.slack;

import java.util.Set;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * The one configured commonmark-java markdown renderer for Block Kit, and the two node types it adds: markdown
 * made elsewhere (a translated {@code mrkdwn} text, an escaped literal, a list or a table) placed in the tree
 * as it is, inline ({@link Markup}) or as a block of its own ({@link MarkupBlock}). Commonmark writes the
 * structure around them: blank lines between blocks, heading markers, thematic breaks, code fences (long enough
 * for the code), image and link syntax. Its own escaping of {@code Text} nodes differs byte for byte from the
 * stored vectors ({@code &} and {@code \} always escaped, {@code >} escaped inside a line), so literal text
 * comes escaped by {@link MarkdownText} inside {@link Markup} instead. Immutable and thread-safe.
 */
final class BlockMarkdown {

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder()
            .nodeRendererFactory(new MarkdownNodeRendererFactory() {
                @Override
                public NodeRenderer create(MarkdownNodeRendererContext context) {
                    return new MarkupRenderer(context.getWriter());
                }

                @Override
                public Set<Character> getSpecialCharacters() {
                    return Set.of(); // markup is written as it is: nothing for the renderer to escape
                }
            })
            .build();

    private BlockMarkdown() {}

    /** The document as markdown, without the final line break commonmark ends a document with. */
    static String render(Node document) {
        String markdown = RENDERER.render(document);
        return markdown.endsWith("\n") ? markdown.substring(0, markdown.length() - 1) : markdown;
    }

    /** Markdown text placed inline, as it is; each line break continues the enclosing block's prefix. */
    static final class Markup extends CustomNode {
        private final String markdown;

        Markup(String markdown) {
            this.markdown = markdown;
        }
    }

    /** A block of markdown placed as it is (a list or table written by {@link BlockNodes}). */
    static final class MarkupBlock extends CustomBlock {
        MarkupBlock(String markdown) {
            appendChild(new Markup(markdown));
        }
    }

    private static final class MarkupRenderer implements NodeRenderer {
        private final MarkdownWriter writer;

        MarkupRenderer(MarkdownWriter writer) {
            this.writer = writer;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Markup.class, MarkupBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Markup markup) {
                String[] lines = markup.markdown.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        writer.line();
                    }
                    writer.raw(lines[i]);
                }
            } else {
                render(node.getFirstChild());
                writer.block();
            }
        }
    }
}
