package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin console driven over plain HTTP, as a browser without JavaScript would: a cookie jar, Faces'
 * view state taken from each page, forms posted back. For black-box tests of console actions that have no
 * REST endpoint (regenerating a hook URL); the browser tests cover the pages themselves.
 */
public final class ConsoleSession {

    /**
     * A console page with its hook URLs in one piece: the Integrations list breaks each after {@code /hooks/} with a
     * {@code <wbr>} (issue 21), so a test looking for {@code /hooks/ID} in the HTML would otherwise find nothing.
     */
    public static String joinedHookUrls(String html) {
        return html.replace("/hooks/<wbr>", "/hooks/");
    }

    /** PrimeFaces' per-view CSP nonce, which its script adds to every postback; without it the render fails. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]*nonce=\"([^\"]+)\"");

    private static final Pattern VIEW_STATE =
            Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    private ConsoleSession(String base) {
        baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private ConsoleSession() {
        this(TestServer.baseUrl());
    }

    /** Signs in through the sign-in page; fails unless the console's home page follows. */
    static ConsoleSession signIn(String loginId, String password) {
        return signIn(TestServer.baseUrl(), loginId, password);
    }

    /** {@link #signIn(String, String)} on the server at {@code base} (one node of several). */
    public static ConsoleSession signIn(String base, String loginId, String password) {
        ConsoleSession console = new ConsoleSession(base);
        HttpResponse<String> home = console.submitSignIn(loginId, password);
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.uri().getPath().startsWith("/console/"), "signed in, now at " + home.uri());
        return console;
    }

    /** A new browser session's attempt to sign in: the answer to the form, whatever it is. */
    static HttpResponse<String> trySignIn(String loginId, String password) {
        return new ConsoleSession().submitSignIn(loginId, password);
    }

    private HttpResponse<String> submitSignIn(String loginId, String password) {
        HttpResponse<String> page = get("/signin.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:loginId", loginId);
        form.put("signin:password", password);
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        // A refused sign-in renders the page again, as a postback: PrimeFaces then wants the page's CSP nonce.
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        return post("/signin.xhtml", form);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /**
     * Presses a command button as a non-ajax submit of its form: the form's id, the button's client id as a
     * parameter, the page's view state and its CSP nonce (as PrimeFaces' script would send them).
     */
    HttpResponse<String> press(String path, String pageHtml, String formId, String buttonClientId) {
        return submit(path, pageHtml, formId, buttonClientId, Map.of());
    }

    /** {@link #press} with the form's input fields filled in (client id → value). */
    HttpResponse<String> submit(
            String path, String pageHtml, String formId, String buttonClientId, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put(formId, formId);
        form.put(buttonClientId, buttonClientId);
        form.put("jakarta.faces.ViewState", viewState(pageHtml));
        Matcher nonce = NONCE.matcher(pageHtml);
        assertTrue(nonce.find(), "no CSP nonce in the page");
        form.put("primefaces.nonce", nonce.group(1));
        return post(path, form);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        assertTrue(m.find(), "no Faces view state in the page");
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("console request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** This sign-in's cookies as a {@code Cookie} header, for clients outside this session's HTTP client. */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(baseUrl + "/console/")).stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    String baseUrl() {
        return baseUrl;
    }
}
