package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.AuditView;
import io.hookline.ejb.audit.AuditFilter;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsoleListModel;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * System Console → Audit Log: who changed which hook or setting, newest first, {@link #PER_PAGE} a page from the
 * server, narrowed by actor ({@code ?actor=}), action ({@code ?action=}) and a range of days in UTC
 * ({@code ?from=}, {@code ?to=}, both included, {@code yyyy-MM-dd}), sortable by time, action and address.
 * {@code ?page=} (from 0, as the API's paging and the page's older links) opens that page.
 */
@Named
@RequestScoped
public class AuditsPage {

    /** Entries on one page. */
    static final int PER_PAGE = ListWindow.CONSOLE_ROWS;

    /** An entry with its actor's username. */
    public record Row(AuditView audit, String username) {}

    @Inject
    private AuditLog audits;

    @Inject
    private UserAdmin users;

    @Inject
    private ConsoleCaller me;

    private int page;
    private String actor;
    private String action;
    private String from;
    private String to;
    private AuditFilter filter;
    private ConsoleListModel<Row> rows;

    @PostConstruct
    void load() {
        page = pageParam(ConsolePages.param("page"));
        actor = ConsolePages.param("actor");
        action = ConsolePages.param("action");
        from = ConsolePages.param("from");
        to = ConsolePages.param("to");
        AuditFilter criteria = filter(actor, action, from, to);
        filter = criteria;
        rows = new ConsoleListModel<>(
                window -> rows(criteria, window),
                () -> audits.count(me.caller(), criteria),
                row -> row.audit().id());
    }

    /** One page of entries, their actors' usernames in one query. */
    private List<Row> rows(AuditFilter criteria, ListWindow window) {
        List<AuditView> page = audits.search(me.caller(), criteria, window);
        Map<String, String> names =
                users.usernames(page.stream().map(AuditView::userId).collect(Collectors.toSet()));
        return page.stream()
                .map(a ->
                        new Row(a, names.containsKey(a.userId()) ? "@" + names.get(a.userId()) : username(a.userId())))
                .toList();
    }

    private String username(String userId) {
        try {
            return "@" + users.get(userId).username();
        } catch (HooklineException gone) {
            return userId;
        }
    }

    /** The filter the parameters ask for: a day that is not a date is no bound. */
    static AuditFilter filter(String actor, String action, String from, String to) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        return new AuditFilter(
                actor,
                action,
                fromDay == null
                        ? null
                        : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                toDay == null
                        ? null
                        : toDay.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toEpochMilli());
    }

    static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADay) {
            return null;
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

    /** The entries, one page at a time. */
    public ConsoleListModel<Row> getRows() {
        return rows;
    }

    public int getPage() {
        return page;
    }

    /** The first row the table opens at: {@code ?page=} times {@link #PER_PAGE}. */
    public int getFirst() {
        return page * PER_PAGE;
    }

    /** Whether any filter is set (the empty list then says that nothing matched). */
    public boolean isFiltered() {
        return filter != null && !filter.equals(AuditFilter.NONE);
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    /** The from day as given, when it is a date (the date field shows it again). */
    public String getFrom() {
        return day(from) == null ? null : day(from).toString();
    }

    public String getTo() {
        return day(to) == null ? null : day(to).toString();
    }
}
