package io.hookline.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.ejb.common.ListWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** What PrimeFaces asks a console list for becomes a bounded window with the sorted column's field name. */
class ConsoleListModelTest {

    @Test
    void theSortedColumnsFieldAndDirectionGoToTheWindow() {
        SortMeta email =
                SortMeta.builder().field("email").order(SortOrder.DESCENDING).build();
        assertEquals(new ListWindow(100, 50, "email", true), ConsoleListModel.window(100, 50, Map.of("email", email)));
        SortMeta unsorted =
                SortMeta.builder().field("email").order(SortOrder.UNSORTED).build();
        assertEquals(new ListWindow(0, 50, null, false), ConsoleListModel.window(0, 50, Map.of("email", unsorted)));
        assertEquals(new ListWindow(0, 50, null, false), ConsoleListModel.window(-5, 50, null));
        assertEquals(
                ListWindow.MAX_ROWS,
                ConsoleListModel.window(0, 100_000, Map.of()).max());
    }

    @Test
    void loadAndCountGoToTheListsOwnMethods() {
        List<ListWindow> asked = new ArrayList<>();
        ConsoleListModel<String> model = new ConsoleListModel<>(
                window -> {
                    asked.add(window);
                    return List.of("a", "b");
                },
                () -> 123L,
                row -> "key-" + row);
        assertEquals(123, model.count(Map.of()));
        SortMeta name =
                SortMeta.builder().field("name").order(SortOrder.ASCENDING).build();
        assertEquals(List.of("a", "b"), model.load(50, 50, Map.of("name", name), Map.of()));
        assertEquals(List.of(new ListWindow(50, 50, "name", false)), asked);
        assertEquals("key-a", model.getRowKey("a"));
        ConsoleListModel<String> huge = new ConsoleListModel<>(w -> List.of(), () -> Long.MAX_VALUE, r -> r);
        assertEquals(Integer.MAX_VALUE, huge.count(Map.of()));
        assertTrue(model.getRowKey("b").endsWith("b"));
        assertFalse(model.getRowKey("b").isEmpty());
    }
}
