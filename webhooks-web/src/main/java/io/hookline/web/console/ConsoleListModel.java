package io.hookline.web.console;

import io.hookline.ejb.common.ListWindow;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A console list that pages on the server (issue 21): PrimeFaces asks for one page at a time, and this asks the
 * list's EJB for just those rows ({@link ListWindow}: first row, {@value ListWindow#CONSOLE_ROWS} rows, the sort
 * column's field name) and for their total. The field names come from the page's {@code p:column field="…"},
 * never from the browser's text, and the EJB only sorts by names in its whitelist. Search criteria are the page's
 * own (request parameters), fixed when the model is made. Each call goes to the database: a page's rows are
 * loaded once per request.
 */
public class ConsoleListModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Loads one window of rows. */
    @FunctionalInterface
    public interface Loader<T> extends java.io.Serializable {
        List<T> load(ListWindow window);
    }

    /** Counts the rows the list has in all. */
    @FunctionalInterface
    public interface Counter extends java.io.Serializable {
        long count();
    }

    /** A row's key for PrimeFaces, never secret (no hook ids). */
    public interface Key<T> extends Function<T, String>, java.io.Serializable {}

    private final Loader<T> loader;
    private final Counter counter;
    private final Key<T> key;

    public ConsoleListModel(Loader<T> loader, Counter counter, Key<T> key) {
        this.loader = loader;
        this.counter = counter;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(counter.count(), Integer.MAX_VALUE);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return loader.load(window(first, pageSize, sortBy));
    }

    /** The window PrimeFaces asks for: its first sorted column (single sort mode), if any. */
    static ListWindow window(int first, int pageSize, Map<String, SortMeta> sortBy) {
        SortMeta sort = sortBy == null
                ? null
                : sortBy.values().stream()
                        .filter(s -> s.getOrder() != null && !s.getOrder().isUnsorted())
                        .findFirst()
                        .orElse(null);
        return ListWindow.of(
                first,
                pageSize,
                sort == null ? null : sort.getField(),
                sort != null && sort.getOrder().isDescending());
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null
                ? null
                : rows.stream()
                        .filter(r -> rowKey.equals(key.apply(r)))
                        .findFirst()
                        .orElse(null);
    }
}
