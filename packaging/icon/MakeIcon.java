import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the Lottery Ticket Lab icon: a small dense network (faint edges) in which a sparse "winning ticket"
 * subnetwork is drawn in gold. Writes PNG files and the Windows (.ico) and macOS (.icns) containers, both of
 * which may hold PNG images, so no other tool is needed.
 *
 * <pre>java packaging/icon/MakeIcon.java OUT_DIR</pre>
 * writes {@code lottery-ticket-lab.png} (256 px), {@code lottery-ticket-lab-{16,32,48,64,128,512}.png},
 * {@code lottery-ticket-lab.ico} and {@code lottery-ticket-lab.icns} into OUT_DIR. The drawing is deterministic.
 */
public final class MakeIcon {
    private static final String NAME = "lottery-ticket-lab";
    private static final int MASTER = 1024;

    private MakeIcon() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        BufferedImage master = draw(MASTER);
        int[] sizes = {16, 32, 48, 64, 128, 256, 512};
        List<byte[]> icoPngs = new ArrayList<>();
        List<Integer> icoSizes = new ArrayList<>();
        for (int s : sizes) {
            byte[] png = png(scale(master, s));
            Files.write(out.resolve(s == 256 ? NAME + ".png" : NAME + "-" + s + ".png"), png);
            if (s <= 256) {
                icoPngs.add(png);
                icoSizes.add(s);
            }
        }
        Files.write(out.resolve(NAME + ".ico"), ico(icoSizes, icoPngs));
        Files.write(out.resolve(NAME + ".icns"), icns(master));
        System.out.println("icons written to " + out.toAbsolutePath());
    }

    /** The icon at {@code n} x {@code n} pixels. */
    static BufferedImage draw(int n) {
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double u = n / 64.0; // drawing units: a 64 x 64 grid
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), 0, n, new Color(0x2a6f97)));
        g.fill(new RoundRectangle2D.Double(2 * u, 2 * u, 60 * u, 60 * u, 14 * u, 14 * u));

        double[] xs = {14, 32, 50};
        double[][] ys = {{14, 26, 38, 50}, {11, 21.5, 32, 42.5, 53}, {20, 32, 44}};
        // the winning ticket: a few kept connections (layer, from, to)
        int[][] kept = {{0, 0, 1}, {0, 2, 1}, {0, 2, 3}, {0, 3, 4}, {1, 1, 0}, {1, 3, 1}, {1, 4, 2}, {1, 1, 1}};
        g.setStroke(new BasicStroke((float) (0.7 * u)));
        g.setColor(new Color(255, 255, 255, 55));
        for (int l = 0; l < 2; l++) {
            for (double y0 : ys[l]) {
                for (double y1 : ys[l + 1]) {
                    g.draw(new Line2D.Double(xs[l] * u, y0 * u, xs[l + 1] * u, y1 * u));
                }
            }
        }
        g.setStroke(new BasicStroke((float) (2.6 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xf4c430));
        boolean[][] lit = {new boolean[4], new boolean[5], new boolean[3]};
        for (int[] k : kept) {
            g.draw(new Line2D.Double(xs[k[0]] * u, ys[k[0]][k[1]] * u, xs[k[0] + 1] * u, ys[k[0] + 1][k[2]] * u));
            lit[k[0]][k[1]] = true;
            lit[k[0] + 1][k[2]] = true;
        }
        double r = 4.2;
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < ys[l].length; i++) {
                Ellipse2D dot = new Ellipse2D.Double((xs[l] - r) * u, (ys[l][i] - r) * u, 2 * r * u, 2 * r * u);
                g.setColor(lit[l][i] ? new Color(0xfff4d6) : new Color(0x8fa9c2));
                g.fill(dot);
                if (lit[l][i]) {
                    g.setStroke(new BasicStroke((float) (1.4 * u)));
                    g.setColor(new Color(0xf4c430));
                    g.draw(dot);
                }
            }
        }
        g.dispose();
        return img;
    }

    /** Scales down by repeated halving (smooth at small sizes). */
    static BufferedImage scale(BufferedImage src, int size) {
        BufferedImage cur = src;
        while (cur.getWidth() / 2 >= size) {
            cur = resize(cur, cur.getWidth() / 2);
        }
        return cur.getWidth() == size ? cur : resize(cur, size);
    }

    private static BufferedImage resize(BufferedImage src, int size) {
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return dst;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** A .ico file whose entries are PNG images (supported since Windows Vista). */
    static byte[] ico(List<Integer> sizes, List<byte[]> pngs) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int count = pngs.size();
        writeLe16(b, 0);
        writeLe16(b, 1); // type: icon
        writeLe16(b, count);
        int offset = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int s = sizes.get(i);
            b.write(s >= 256 ? 0 : s); // width (0 means 256)
            b.write(s >= 256 ? 0 : s); // height
            b.write(0); // palette colours
            b.write(0); // reserved
            writeLe16(b, 1); // colour planes
            writeLe16(b, 32); // bits per pixel
            writeLe32(b, pngs.get(i).length);
            writeLe32(b, offset);
            offset += pngs.get(i).length;
        }
        for (byte[] p : pngs) {
            b.write(p);
        }
        return b.toByteArray();
    }

    /** A .icns file with PNG entries: ic07 (128), ic08 (256), ic09 (512), ic10 (1024). */
    static byte[] icns(BufferedImage master) throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body); // big-endian, as icns wants
        for (int i = 0; i < types.length; i++) {
            byte[] p = png(scale(master, sizes[i]));
            d.writeBytes(types[i]);
            d.writeInt(8 + p.length);
            d.write(p);
        }
        d.flush();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        f.write(body.toByteArray());
        f.flush();
        return file.toByteArray();
    }

    private static void writeLe16(OutputStream o, int v) throws IOException {
        o.write(v & 0xff);
        o.write((v >>> 8) & 0xff);
    }

    private static void writeLe32(OutputStream o, int v) throws IOException {
        writeLe16(o, v & 0xffff);
        writeLe16(o, (v >>> 16) & 0xffff);
    }
}
