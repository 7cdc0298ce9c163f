package io.hookline.web.console.channel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One message attachment as the channel view shows it, built by {@link AttachmentCards}. As in
 * {@link PostCard}: plain strings are for Faces to escape, {@code *Html} strings come from the shared
 * markdown renderer, URLs are absolute http(s) or null, and the colour is one of the forms
 * {@link AttachmentColors} lets through, so it may go into a {@code style} attribute.
 *
 * @param color       the side bar's colour: {@code #rgb} or {@code #rrggbb}, never anything else
 * @param pretextHtml the text above the attachment, block HTML; {@code ""} when absent
 * @param authorName  plain text (markdown reduced to its text, emoji resolved); {@code ""} when absent
 * @param authorLink  where the author name links to, or null
 * @param authorIcon  the small icon before the author name, or null
 * @param titleHtml   the title, inline HTML; without links of its own when {@code titleLink} is set, so the
 *                    page never nests one link in another; {@code ""} when absent
 * @param titleLink   where the title links to, or null
 * @param textHtml    the attachment's text, block HTML; {@code ""} when absent
 * @param fields      the fields in order; laid out by {@link #fieldRows()}
 * @param imageUrl    the large image below the fields, or null
 * @param thumbUrl    the thumbnail beside the text, or null
 * @param footerHtml  the footer, inline HTML; {@code ""} when absent
 * @param footerIcon  the small icon before the footer, or null
 * @param ts          the footer's time, epoch milliseconds, or null
 */
public record AttachmentCard(
        String color,
        String pretextHtml,
        String authorName,
        String authorLink,
        String authorIcon,
        String titleHtml,
        String titleLink,
        String textHtml,
        List<AttachmentField> fields,
        String imageUrl,
        String thumbUrl,
        String footerHtml,
        String footerIcon,
        Long ts)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fields per row when they are short: Mattermost's two columns. */
    public static final int SHORT_FIELDS_PER_ROW = 2;

    public AttachmentCard {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * The fields laid out as Mattermost lays them out: consecutive short fields share a row, two at a
     * time; a field that is not short takes a row of its own. So {@code [short, long, short, short, short]}
     * gives {@code [[short], [long], [short, short], [short]]}.
     */
    public List<List<AttachmentField>> fieldRows() {
        List<List<AttachmentField>> rows = new ArrayList<>();
        List<AttachmentField> row = new ArrayList<>(SHORT_FIELDS_PER_ROW);
        for (AttachmentField field : fields) {
            boolean rowClosed = row.size() == SHORT_FIELDS_PER_ROW
                    || !field.isShort()
                    || (!row.isEmpty() && !row.get(row.size() - 1).isShort());
            if (rowClosed && !row.isEmpty()) {
                rows.add(List.copyOf(row));
                row.clear();
            }
            row.add(field);
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }
}
