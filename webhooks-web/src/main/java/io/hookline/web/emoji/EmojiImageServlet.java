package io.hookline.web.emoji;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves the bundled emoji images ({@link EmojiImages}) and their two licence files, without sign-in (they are
 * the same public graphics for everyone):
 * <ul>
 * <li>{@code GET /emoji/twemoji-16.0.1/2705.svg}: {@code image/svg+xml} with
 * {@code Cache-Control: public, max-age=31536000, immutable}. The set's version is in the path, so the bytes
 * behind a URL never change and a browser may keep them for a year without asking again. The answer also
 * carries {@code Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox}: an image
 * opened on its own, as a document, can load and run nothing (an {@code <img>} runs no script anyway);</li>
 * <li>{@code GET /emoji/twemoji-16.0.1/LICENSE} and {@code LICENSE-GRAPHICS}: the set's MIT and CC-BY 4.0
 * texts, {@code text/plain}, cached the same way;</li>
 * <li>anything else under {@code /emoji/} (another version, a name that is not a bundled file, a folder):
 * the console's 404 page, not cached ({@link io.hookline.web.headers.SecurityHeaders}' {@code no-store}).</li>
 * </ul>
 * HEAD answers the same headers without a body; other methods get the servlet's 405.
 */
@WebServlet(urlPatterns = "/emoji/*")
public class EmojiImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What every image and licence file is sent with. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    /** What an image opened as a document may do: nothing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private static final String SVG = "image/svg+xml";
    private static final String TEXT = "text/plain;charset=UTF-8";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String prefix = "/" + EmojiImages.VERSION + "/";
        if (path == null || !path.startsWith(prefix)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = path.substring(prefix.length());
        String type;
        if (EmojiImages.isBundled(name)) {
            type = SVG;
        } else if (name.equals("LICENSE") || name.equals("LICENSE-GRAPHICS")) {
            type = TEXT;
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes;
        try (InputStream in =
                EmojiImageServlet.class.getClassLoader().getResourceAsStream(EmojiImages.RESOURCE_DIR + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            bytes = in.readAllBytes();
        }
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!"HEAD".equals(request.getMethod())) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }
}
