package io.hookline.ejb.slack;

import static io.hookline.ejb.slack.MarkdownText.clamp;
import static io.hookline.ejb.slack.MarkdownText.collapseBlankLines;
import static io.hookline.ejb.slack.MarkdownText.escapeText;
import static io.hookline.ejb.slack.MarkdownText.normalizeNewlines;
import static io.hookline.ejb.slack.MarkdownText.nullToEmpty;
import static io.hookline.ejb.slack.MarkdownText.oneLine;
import static io.hookline.ejb.slack.MarkdownText.stripTrailingNewlines;
import static io.hookline.ejb.slack.MarkdownText.tableCell;

import io.hookline.ejb.slack.Block.Context;
import io.hookline.ejb.slack.Block.ContextElement;
import io.hookline.ejb.slack.Block.Header;
import io.hookline.ejb.slack.Block.Image;
import io.hookline.ejb.slack.Block.Inline;
import io.hookline.ejb.slack.Block.Preformatted;
import io.hookline.ejb.slack.Block.RawText;
import io.hookline.ejb.slack.Block.RichElement;
import io.hookline.ejb.slack.Block.RichList;
import io.hookline.ejb.slack.Block.RichQuote;
import io.hookline.ejb.slack.Block.RichSection;
import io.hookline.ejb.slack.Block.RichText;
import io.hookline.ejb.slack.Block.Section;
import io.hookline.ejb.slack.Block.Table;
import io.hookline.ejb.slack.Block.TableCell;
import io.hookline.ejb.slack.Block.TextObject;
import io.hookline.ejb.slack.Block.Video;
import io.hookline.ejb.slack.BlockMarkdown.Markup;
import io.hookline.ejb.slack.BlockMarkdown.MarkupBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
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
        for (Block block : blocks) {
            for (Node node : block(block)) {
                document.appendChild(node);
            }
        }
        if (document.getFirstChild() == null) {
            return "";
        }
        if (droppedInteractive) {
            document.appendChild(paragraph(BlockKit.INTERACTIVE_NOTE));
        }
        return BlockMarkdown.render(document);
    }

    /** The nodes one block shows; none when it shows nothing. */
    private List<Node> block(Block block) {
        if (block instanceof Header header) {
            return header(header.text());
        } else if (block instanceof Section section) {
            return section(section);
        } else if (block instanceof Block.Divider) {
            ThematicBreak divider = new ThematicBreak();
            divider.setLiteral("---"); // always between blank lines, so never a setext underline
            return List.of(divider);
        } else if (block instanceof Context context) {
            return context(context);
        } else if (block instanceof Image image) {
            return List.of(paragraphOf(image(image)));
        } else if (block instanceof RichText richText) {
            return richText(richText);
        } else if (block instanceof Block.Markdown markdown) {
            return markdown.text() == null
                    ? List.of()
                    : paragraphs(markdown.text().strip());
        } else if (block instanceof Table table) {
            return List.of(new MarkupBlock(table(table)));
        } else if (block instanceof Video video) {
            return List.of(paragraphOf(video(video)));
        }
        droppedInteractive = true;
        return List.of();
    }

    private List<Node> header(TextObject text) {
        if (text == null) {
            return List.of();
        }
        String line = text.plain()
                ? escapeText(oneLine(text.text()), false, true)
                : oneLine(nullToEmpty(SlackTranslator.toMarkdown(text.text(), mentions)));
        line = line.strip();
        if (line.isEmpty()) {
            return List.of();
        }
        Heading heading = new Heading();
        heading.setLevel(HEADER_LEVEL);
        heading.appendChild(new Markup(line));
        return List.of(heading);
    }

    private List<Node> section(Section section) {
        List<Node> nodes = new ArrayList<>(paragraphs(render(section.text()).strip()));
        if (!section.fields().isEmpty()) {
            List<String> cells = new ArrayList<>(section.fields().size());
            boolean any = false;
            for (TextObject field : section.fields()) {
                String cell = render(field).strip();
                any |= !cell.isEmpty();
                cells.add(cell);
            }
            if (any) {
                nodes.add(
                        cells.size() == 1 ? paragraph(cells.get(0)) : new MarkupBlock(MarkdownText.fieldsTable(cells)));
            }
        }
        if (section.accessoryImage() != null) {
            nodes.add(paragraphOf(image(section.accessoryImage())));
        }
        droppedInteractive |= section.interactiveAccessory();
        return nodes;
    }

    private List<Node> context(Context context) {
        if (context.elements() == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (ContextElement element : context.elements()) {
            String item = null;
            if (element instanceof Image image) {
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
        if (line.isEmpty()) {
            return List.of();
        }
        String delimiter = MarkdownText.subtleDelimiter(line);
        if (delimiter == null) {
            return List.of(paragraph(line));
        }
        Emphasis subtle = new Emphasis(delimiter);
        subtle.appendChild(new Markup(MarkdownText.beforeClosingDelimiter(line)));
        return List.of(paragraphOf(subtle));
    }

    private static org.commonmark.node.Image image(Image image) {
        String title =
                image.title() == null ? null : oneLine(image.title().text()).strip();
        org.commonmark.node.Image node = new org.commonmark.node.Image(
                SlackTranslator.encodeUrl(image.url()),
                title == null || title.isEmpty() ? null : MarkdownText.escapeTitle(title));
        node.appendChild(new Markup(escapeText(oneLine(image.altText()).strip(), false, false)));
        return node;
    }

    private static Link video(Video video) {
        TextObject title = video.title();
        String alt = video.altText();
        String label = title != null && !title.text().isBlank()
                ? title.text()
                : alt != null && !alt.isBlank() ? alt : video.url();
        Link link = new Link(SlackTranslator.encodeUrl(video.url()), null);
        link.appendChild(new Markup(escapeText(oneLine(oneLine(label).strip()), false, false)));
        return link;
    }

    private String table(Table table) {
        List<List<String>> cells = new ArrayList<>(table.rows().size());
        for (List<TableCell> row : table.rows()) {
            List<String> rendered = new ArrayList<>(row.size());
            for (TableCell cell : row) {
                String markdown = cell instanceof RichText richText
                        ? document(richText(richText))
                        : escapeText(nullToEmpty(((RawText) cell).text()), false, false);
                rendered.add(tableCell(markdown));
            }
            cells.add(rendered);
        }
        int columns = table.alignments().size();
        StringBuilder sb = new StringBuilder();
        MarkdownText.appendRow(sb, cells.get(0), columns);
        sb.append('\n').append('|');
        for (String align : table.alignments()) {
            sb.append(
                    switch (align == null ? "" : align) {
                        case "center" -> " :---: |";
                        case "right" -> " ---: |";
                        case "left" -> " :--- |";
                        default -> " --- |";
                    });
        }
        for (int r = 1; r < cells.size(); r++) {
            sb.append('\n');
            MarkdownText.appendRow(sb, cells.get(r), columns);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ rich text

    private List<Node> richText(RichText richText) {
        if (richText.elements() == null) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        ListWriter list = null;
        for (RichElement element : richText.elements()) {
            if (element instanceof RichList richList) {
                if (list == null) {
                    list = new ListWriter();
                }
                list.add(richList);
                continue;
            }
            if (list != null) {
                nodes.addAll(blockOf(list.finish()));
                list = null;
            }
            if (element instanceof RichSection section) {
                nodes.addAll(paragraphs(inline(section.elements()).strip()));
            } else if (element instanceof RichQuote quote) {
                nodes.addAll(blockOf(MarkdownText.quote(inline(quote.elements()).strip())));
            } else if (element instanceof Preformatted preformatted) {
                nodes.add(preformatted(preformatted));
            }
        }
        if (list != null) {
            nodes.addAll(blockOf(list.finish()));
        }
        return nodes;
    }

    private FencedCodeBlock preformatted(Preformatted preformatted) {
        String code = InlinePieces.plainText(preformatted.elements(), mentions);
        FencedCodeBlock block = new FencedCodeBlock();
        block.setLiteral(stripTrailingNewlines(normalizeNewlines(code)) + "\n"); // the fence: commonmark's
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
                String content = collapseBlankLines(inline(item).strip());
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

    /** A paragraph of markup; none when blank. */
    private static List<Node> paragraphs(String markdown) {
        return markdown == null || markdown.isBlank() ? List.of() : List.of(paragraph(markdown));
    }

    private static Paragraph paragraph(String markdown) {
        return paragraphOf(new Markup(markdown));
    }

    private static Paragraph paragraphOf(Node inline) {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(inline);
        return paragraph;
    }

    private static List<Node> blockOf(String markdown) {
        return markdown == null || markdown.isBlank() ? List.of() : List.of(new MarkupBlock(markdown));
    }

    /** Nodes rendered on their own, e.g. the rich text of a table cell. */
    private static String document(List<Node> nodes) {
        Document document = new Document();
        nodes.forEach(document::appendChild);
        return BlockMarkdown.render(document);
    }
}
