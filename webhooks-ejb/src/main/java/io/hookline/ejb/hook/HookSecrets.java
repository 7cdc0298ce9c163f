package io.hookline.ejb.hook;

/**
 * How a hook id (the whole credential of its URL) may appear where people other than its owner read:
 * logs, the access log, the audit log. Only a short prefix stays, enough to tell two hooks apart when
 * debugging with the owner, far too little to post with (the other 22 characters are 110 random bits).
 */
public final class HookSecrets {

    /** How many leading characters of a hook id stay readable. */
    public static final int VISIBLE_PREFIX = 4;
    /** Stands for the characters left out. */
    public static final String MASK = "…";

    private HookSecrets() {}

    /**
     * {@code abcd…} for any text that may hold a hook id, however long or malformed. Text no longer than
     * the prefix cannot hold an id and stays as it is. Characters other than ASCII letters and digits in
     * the prefix become {@code ?}, so a crafted URL cannot forge lines in a log.
     */
    public static String mask(String id) {
        if (id == null) {
            return "-";
        }
        int visible = Math.min(VISIBLE_PREFIX, id.length());
        StringBuilder masked = new StringBuilder(visible + MASK.length());
        for (int i = 0; i < visible; i++) {
            char c = id.charAt(i);
            masked.append(c < 128 && Character.isLetterOrDigit(c) ? c : '?');
        }
        if (id.length() > VISIBLE_PREFIX) {
            masked.append(MASK);
        }
        return masked.toString();
    }
}
