package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a store CSV table by header name, for readers outside the store (the window's tolerant views),
 * read by the store's one CSV reader with its rules for bad input: a missing file has no rows; blank lines
 * are ignored; a cut last line, a line with a cell count unlike the header's, or a header lacking a required
 * column is a {@link CsvFormatException} (file and line), here turned into a warning.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /**
     * The rows of {@code file} as maps from header name to the cell's trimmed text (the first of repeated
     * names wins); problems are added to {@code warnings} when it is not null.
     *
     * @param required columns the header must name (no rows and one warning otherwise)
     */
    public static List<Map<String, String>> rows(Path file, List<String> required, List<String> warnings)
            throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        Csv.readFile(file, file.getFileName().toString(), required, (row, line) -> out.add(row.asMap()), e -> {
            if (warnings != null) {
                warnings.add(e.asWarning());
            }
        });
        return out;
    }

    static Map<String, String> map(String[] cells, Map<String, Integer> columns) {
        Map<String, String> m = new HashMap<>();
        columns.forEach((name, i) -> m.put(name, cells[i].trim()));
        return m;
    }
}
