package io.hookline.ejb.slack;

import static io.hookline.ejb.slack.MarkdownText.clamp;
import static io.hookline.ejb.slack.MarkdownText.escapeText;
import static io.hookline.ejb.slack.MarkdownText.nullToEmpty;
import static io.hookline.ejb.slack.MarkdownText.oneLine;

import io.hookline.ejb.slack.Block.Inline;
import io.hookline.ejb.slack.Block.RichList;
import io.hookline.ejb.slack.Block.RichText;
import io.hookline.ejb.slack.Block.TextObject;
import io.hookline.ejb.slack.BlockMarkdown.Markup;
import io.hookline.ejb.slack.BlockMarkdown.MarkupBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Builds the commonmark node tree for {@link Block} records (see {@link BlockKit} for what each becomes), which
 * {@link BlockMarkdown} renders. Inline content is written by {@link InlinePieces} and {@link MarkdownText} and
 * placed as {@link Markup}. Holds the mention names and whether anything interactive was dropped: not shared.
 */
final class BlockNodes {

    private static final int HEADER_LEVEL = 3;

    private static final Pattern CODE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.\\-]{1,32}");

    private final Mentions mentions;
    private boolean droppedInteractive;

    BlockNodes(Mentions mentions) {
        this.mentions = mentions;
    }

    /** The blocks' markdown, separated by blank lines, with the interactive note when something was dropped. */
    String render(List<Block> blocks) {
        Document document = new Document();
        blocks.forEach(block -> block(block, document));
        if (document.getFirstChild() == null) {
            return "";
        }
        if (droppedInteractive) {
            addParagraph(document, BlockKit.INTERACTIVE_NOTE);
        }
        return BlockMarkdown.render(document);
    }

    /** Appends the nodes one block shows to {@code document}; none when it shows nothing. */
    private void block(Block block, Node document) {
        if (block instanceof Block.Header header) {
            header(header.text(), document);
        } else if (block instanceof Block.Section section) {
            section(section, document);
        } else if (block instanceof Block.Divider) {
            ThematicBreak divider = new ThematicBreak();
            divider.setLiteral("---"); // always between blank lines, so never a setext underline
            document.appendChild(divider);
        } else if (block instanceof Block.Context context) {
            context(context, document);
        } else if (block instanceof Block.Image image) {
            document.appendChild(paragraphOf(image(image)));
        } else if (block instanceof RichText richText) {
            richText(richText, document);
        } else if (block instanceof Block.Markdown markdown) {
            addParagraph(document, nullToEmpty(markdown.text()).strip());
        } else if (block instanceof Block.Table table) {
            document.appendChild(new MarkupBlock(table(table)));
        } else if (block instanceof Block.Video video) {
            document.appendChild(paragraphOf(video(video)));
        } else {
            droppedInteractive = true;
        }
    }

    private void header(TextObject text, Node document) {
        if (text == null) {
            return;
        }
        String line = text.plain()
                ? escapeText(oneLine(text.text()), false, true)
                : oneLine(nullToEmpty(SlackTranslator.toMarkdown(text.text(), mentions)));
        line = line.strip();
        if (!line.isEmpty()) {
            Heading heading = new Heading();
            heading.setLevel(HEADER_LEVEL);
            heading.appendChild(new Markup(line));
            document.appendChild(heading);
        }
    }

    private void section(Block.Section section, Node document) {
        addParagraph(document, render(section.text()).strip());
        List<String> cells =
                section.fields().stream().map(field -> render(field).strip()).toList();
        if (cells.size() == 1) {
            addParagraph(document, cells.get(0));
        } else if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
            document.appendChild(new MarkupBlock(fieldsTable(cells)));
        }
        if (section.accessoryImage() != null) {
            document.appendChild(paragraphOf(image(section.accessoryImage())));
        }
        droppedInteractive |= section.interactiveAccessory();
    }

    /** Two fields a row, in Slack's order, under an empty header row. */
    private static String fieldsTable(List<String> cells) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of());
        for (int i = 0; i < cells.size(); i += 2) {
            rows.add(cells.subList(i, Math.min(i + 2, cells.size())));
        }
        return MarkdownText.table(rows, Arrays.asList(null, null));
    }

    private void context(Block.Context context, Node document) {
        List<String> items = new ArrayList<>();
        for (Block.ContextElement element : context.elements()) {
            String item = null;
            if (element instanceof Block.Image image) {
                item = BlockMarkdown.render(paragraphOf(image(image)));
            } else if (element instanceof TextObject text) {
                item = render(text);
            } else if (element instanceof Block.Interactive) {
                droppedInteractive = true;
            }
            if (item != null && !item.isBlank()) {
                items.add(item.strip());
            }
        }
        String line = oneLine(String.join(" ", items)).strip();
        String delimiter = line.isEmpty() ? null : MarkdownText.subtleDelimiter(line);
        if (delimiter == null) {
            addParagraph(document, line);
        } else {
            Emphasis subtle = new Emphasis(delimiter);
            subtle.appendChild(new Markup(MarkdownText.beforeClosingDelimiter(line)));
            document.appendChild(paragraphOf(subtle));
        }
    }

    private static Image image(Block.Image image) {
        String title =
                image.title() == null ? "" : oneLine(image.title().text()).strip();
        Image node = new Image(
                SlackTranslator.encodeUrl(image.url()), title.isEmpty() ? null : MarkdownText.escapeTitle(title));
        node.appendChild(new Markup(escapeText(oneLine(image.altText()).strip(), false, false)));
        return node;
    }

    private static Link video(Block.Video video) {
        TextObject title = video.title();
        String alt = video.altText();
        String label = title != null && !title.text().isBlank()
                ? title.text()
                : alt != null && !alt.isBlank() ? alt : video.url();
        Link link = new Link(SlackTranslator.encodeUrl(video.url()), null);
        link.appendChild(new Markup(escapeText(oneLine(oneLine(label).strip()), false, false)));
        return link;
    }

    private String table(Block.Table table) {
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (List<Block.TableCell> row : table.rows()) {
            rows.add(row.stream()
                    .map(cell -> cell instanceof RichText richText
                            ? richTextMarkdown(richText)
                            : escapeText(nullToEmpty(((Block.RawText) cell).text()), false, false))
                    .toList());
        }
        return MarkdownText.table(rows, table.alignments());
    }

    /** A table cell's rich text, rendered on its own. */
    private String richTextMarkdown(RichText richText) {
        Document cell = new Document();
        richText(richText, cell);
        return BlockMarkdown.render(cell);
    }

    // ------------------------------------------------------------------------------------------------ rich text

    private void richText(RichText richText, Node document) {
        ListWriter list = null;
        for (Block.RichElement element : richText.elements()) {
            if (element instanceof RichList richList) {
                list = list == null ? new ListWriter() : list;
                list.add(richList);
                continue;
            }
            if (list != null) {
                addBlock(document, list.finish());
                list = null;
            }
            if (element instanceof Block.RichSection section) {
                addParagraph(document, inline(section.elements()).strip());
            } else if (element instanceof Block.RichQuote quote) {
                addBlock(document, MarkdownText.quote(inline(quote.elements()).strip()));
            } else if (element instanceof Block.Preformatted preformatted) {
                document.appendChild(preformatted(preformatted));
            }
        }
        if (list != null) {
            addBlock(document, list.finish());
        }
    }

    private FencedCodeBlock preformatted(Block.Preformatted preformatted) {
        String code = InlinePieces.plainText(preformatted.elements(), mentions);
        FencedCodeBlock block = new FencedCodeBlock();
        // commonmark writes the fence, longer than any backtick run in the code
        block.setLiteral(MarkdownText.stripTrailingNewlines(MarkdownText.normalizeNewlines(code)) + "\n");
        String language = preformatted.language();
        block.setInfo(language != null && CODE_LANGUAGE.matcher(language).matches() ? language : "");
        return block;
    }

    private String inline(List<Inline> inlines) {
        return InlinePieces.markdown(inlines, mentions);
    }

    /** Writes consecutive {@code rich_text_list} elements as one (possibly nested) markdown list. */
    private final class ListWriter {
        private final StringBuilder sb = new StringBuilder();
        /** The content column of the last item written at each level. */
        private final int[] contentColumn = new int[BlockKit.MAX_LIST_INDENT + 1];

        private int lastLevel = -1;

        void add(RichList list) {
            int level = Math.min(clamp(list.indent(), 0, BlockKit.MAX_LIST_INDENT), lastLevel + 1);
            int number = clamp(list.offset(), 0, BlockKit.MAX_LIST_OFFSET) + 1;
            int base = level == 0 ? 0 : contentColumn[level - 1];
            for (List<Inline> item : list.items()) {
                String content = MarkdownText.collapseBlankLines(inline(item).strip());
                if (content.isEmpty()) {
                    number++;
                    continue; // an empty item could even turn the line above into a setext heading
                }
                String marker = list.ordered() ? number + ". " : "- ";
                if (sb.length() > 0) {
                    sb.append('\n');
                    // An ordered list not starting at 1 cannot interrupt a paragraph: right under its parent
                    // item's text it would be read as more of that text.
                    if (list.ordered() && number != 1 && level > 0 && lastLevel == level - 1) {
                        sb.append('\n');
                    }
                }
                int column = base + marker.length();
                sb.append(" ".repeat(base)).append(marker).append(content.replace("\n", "\n" + " ".repeat(column)));
                contentColumn[level] = column;
                lastLevel = level;
                number++;
            }
        }

        String finish() {
            return sb.toString();
        }
    }

    private String render(TextObject text) {
        if (text == null || text.text().isEmpty()) {
            return "";
        }
        return text.plain()
                ? escapeText(text.text(), true, false)
                : nullToEmpty(SlackTranslator.toMarkdown(text.text(), mentions));
    }

    /** Appends a paragraph of markup, unless it is blank. */
    private static void addParagraph(Node document, String markdown) {
        if (!markdown.isBlank()) {
            document.appendChild(paragraphOf(new Markup(markdown)));
        }
    }

    /** Appends a block of markup (a list, a quote), unless it is absent or blank. */
    private static void addBlock(Node document, String markdown) {
        if (markdown != null && !markdown.isBlank()) {
            document.appendChild(new MarkupBlock(markdown));
        }
    }

    private static Paragraph paragraphOf(Node inline) {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(inline);
        return paragraph;
    }
}
