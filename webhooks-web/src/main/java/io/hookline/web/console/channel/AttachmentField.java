package io.hookline.web.console.channel;

import java.io.Serializable;

/**
 * One field of an attachment: a title over a value, half a row wide when {@code isShort}.
 *
 * @param titleHtml the title rendered inline; {@code ""} when absent
 * @param valueHtml the value rendered as block HTML; {@code ""} when absent
 * @param isShort   whether the field may share its row with the next short field (Slack's {@code short})
 */
public record AttachmentField(String titleHtml, String valueHtml, boolean isShort) implements Serializable {

    private static final long serialVersionUID = 1L;
}
