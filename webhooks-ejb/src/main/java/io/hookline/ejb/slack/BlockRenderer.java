package io.hookline.ejb.slack;

import static io.hookline.ejb.slack.MarkdownText.addIfPresent;
import static io.hookline.ejb.slack.MarkdownText.clamp;
import static io.hookline.ejb.slack.MarkdownText.collapseBlankLines;
import static io.hookline.ejb.slack.MarkdownText.escapeText;
import static io.hookline.ejb.slack.MarkdownText.longestRun;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Renders {@link Block} records as markdown (see {@link BlockKit} for what each becomes). Not shared. */
final class BlockRenderer {

    private static final Pattern CODE_LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.\\-]{1,32}");

    private final Mentions mentions;
    private boolean droppedInteractive;

    BlockRenderer(Mentions mentions) {
        this.mentions = mentions;
    }

    /** The blocks' markdown, separated by blank lines, with the interactive note when something was dropped. */
    String render(List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            addIfPresent(parts, block(block));
        }
        if (parts.isEmpty()) {
            return "";
        }
        if (droppedInteractive) {
            parts.add(BlockKit.INTERACTIVE_NOTE);
        }
        return String.join("\n\n", parts);
    }

    private String block(Block block) {
        if (block instanceof Header header) {
            return header(header.text());
        } else if (block instanceof Section section) {
            return section(section);
        } else if (block instanceof Block.Divider) {
            return "---";
        } else if (block instanceof Context context) {
            return context(context);
        } else if (block instanceof Image image) {
            return image(image);
        } else if (block instanceof RichText richText) {
            return richText(richText);
        } else if (block instanceof Block.Markdown markdown) {
            return markdown.text() == null ? null : markdown.text().strip();
        } else if (block instanceof Table table) {
            return table(table);
        } else if (block instanceof Video video) {
            return video(video);
        }
        droppedInteractive = true;
        return null;
    }

    private String header(TextObject text) {
        if (text == null) {
            return null;
        }
        String line = text.plain()
                ? escapeText(oneLine(text.text()), false, true)
                : oneLine(nullToEmpty(SlackTranslator.toMarkdown(text.text(), mentions)));
        line = line.strip();
        return line.isEmpty() ? null : "### " + line;
    }

    private String section(Section section) {
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, render(section.text()).strip());
        if (!section.fields().isEmpty()) {
            List<String> cells = new ArrayList<>(section.fields().size());
            boolean any = false;
            for (TextObject field : section.fields()) {
                String cell = render(field).strip();
                any |= !cell.isEmpty();
                cells.add(cell);
            }
            if (any) {
                parts.add(cells.size() == 1 ? cells.get(0) : MarkdownText.fieldsTable(cells));
            }
        }
        if (section.accessoryImage() != null) {
            parts.add(image(section.accessoryImage()));
        }
        droppedInteractive |= section.interactiveAccessory();
        return String.join("\n\n", parts);
    }

    private String context(Context context) {
        if (context.elements() == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (ContextElement element : context.elements()) {
            String item = null;
            if (element instanceof Image image) {
                item = image(image);
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
        return line.isEmpty() ? null : MarkdownText.subtle(line);
    }

    private static String image(Image image) {
        String title = image.title() == null ? null : oneLine(image.title().text()).strip();
        return MarkdownText.imageMarkdown(image.altText(), image.url(), title);
    }

    private static String video(Video video) {
        TextObject title = video.title();
        String alt = video.altText();
        String label = title != null && !title.text().isBlank() ? title.text()
                : alt != null && !alt.isBlank() ? alt : video.url();
        return MarkdownText.link(oneLine(label).strip(), video.url(), false);
    }

    private String table(Table table) {
        List<List<String>> cells = new ArrayList<>(table.rows().size());
        for (List<TableCell> row : table.rows()) {
            List<String> rendered = new ArrayList<>(row.size());
            for (TableCell cell : row) {
                String markdown = cell instanceof RichText richText ? nullToEmpty(richText(richText))
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
            sb.append(switch (align == null ? "" : align) {
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

    private String richText(RichText richText) {
        if (richText.elements() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
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
                addIfPresent(parts, list.finish());
                list = null;
            }
            if (element instanceof RichSection section) {
                addIfPresent(parts, inline(section.elements()).strip());
            } else if (element instanceof RichQuote quote) {
                addIfPresent(parts, MarkdownText.quote(inline(quote.elements()).strip()));
            } else if (element instanceof Preformatted preformatted) {
                addIfPresent(parts, preformatted(preformatted));
            }
        }
        if (list != null) {
            addIfPresent(parts, list.finish());
        }
        return String.join("\n\n", parts);
    }

    private String preformatted(Preformatted preformatted) {
        String code = InlinePieces.plainText(preformatted.elements(), mentions);
        String content = stripTrailingNewlines(normalizeNewlines(code));
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        String language = preformatted.language();
        String info = language != null && CODE_LANGUAGE.matcher(language).matches() ? language : "";
        return fence + info + "\n" + content + "\n" + fence;
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
                sb.append(" ".repeat(base)).append(marker)
                        .append(content.replace("\n", "\n" + " ".repeat(column)));
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
        return text.plain() ? escapeText(text.text(), true, false)
                : nullToEmpty(SlackTranslator.toMarkdown(text.text(), mentions));
    }
}
