package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.AuditView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * System Console → Audit Log: who changed which hook or setting, newest first, {@link #PER_PAGE} a page
 * ({@code ?page=} from 0, plain links, as the API's paging).
 */
@Named
@RequestScoped
public class AuditsPage {

    /** Entries on one page: the API's largest page. */
    static final int PER_PAGE = Page.MAX_PER_PAGE;

    /** An entry with its actor's username. */
    public record Row(AuditView audit, String username) {}

    @Inject
    private AuditLog audits;

    @Inject
    private UserAdmin users;

    @Inject
    private ConsoleCaller me;

    private int page;
    private List<Row> rows = List.of();

    @PostConstruct
    void load() {
        page = pageParam(ConsolePages.param("page"));
        Map<String, String> names = new HashMap<>();
        rows = audits.list(me.caller(), Page.of(page, PER_PAGE)).stream()
                .map(a -> new Row(a, names.computeIfAbsent(a.userId(), this::username)))
                .toList();
    }

    private String username(String userId) {
        try {
            return "@" + users.get(userId).username();
        } catch (HooklineException gone) {
            return userId;
        }
    }

    /** A page number from 0 to the last one paging can reach; 0 for anything else (typed by hand at most). */
    static int pageParam(String value) {
        try {
            int p = value == null ? 0 : Integer.parseInt(value);
            return Math.min(Math.max(p, 0), Integer.MAX_VALUE / PER_PAGE);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public int getPage() {
        return page;
    }

    public boolean isNewer() {
        return page > 0;
    }

    /** A full page may have more after it. */
    public boolean isOlder() {
        return rows.size() == PER_PAGE;
    }
}
