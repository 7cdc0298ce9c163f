package io.hookline.run;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Moves every port a Payara domain's server opens by one offset, in its {@code domain.xml}, before the domain
 * starts: Payara has no port-offset switch (WildFly has one). Each port is set to its stock value plus the
 * offset, so running this again (or with another offset) on a stopped domain is safe. The list is what
 * {@code server-config} and the domain's data grid open, checked against {@code ss -ltnp} on a running domain.
 */
final class PayaraPorts {

    static final int ADMIN = 4848;
    static final int HTTP = 8080;
    static final int HTTPS = 8181;
    /** Where the domain admin server's data grid (Hazelcast) member listens: das-port, not start-port. */
    static final int GRID = 4900;

    private static final String SERVER = "/domain/configs/config[@name='server-config']";
    private static final String GRID_CONFIG = "/domain/hazelcast-runtime-configuration";
    private static final String LISTENERS = SERVER + "/network-config/network-listeners/network-listener";

    /** An attribute holding one port, or a port inside a longer value (a JVM option, the debugger's options). */
    private record Port(String xpath, int stock, Pattern inValue) {
        static Port attribute(String xpath, int stock) {
            return new Port(xpath, stock, null);
        }

        static Port within(String xpath, int stock, String prefix) {
            return new Port(xpath, stock, Pattern.compile("(" + Pattern.quote(prefix) + ")\\d+"));
        }
    }

    private static final List<Port> PORTS = List.of(
            Port.attribute(LISTENERS + "[@name='http-listener-1']/@port", HTTP),
            Port.attribute(LISTENERS + "[@name='http-listener-2']/@port", HTTPS),
            Port.attribute(LISTENERS + "[@name='admin-listener']/@port", ADMIN),
            Port.attribute(SERVER + "/iiop-service/iiop-listener[@id='orb-listener-1']/@port", 3700),
            Port.attribute(SERVER + "/iiop-service/iiop-listener[@id='SSL']/@port", 3820),
            Port.attribute(SERVER + "/iiop-service/iiop-listener[@id='SSL_MUTUALAUTH']/@port", 3920),
            Port.attribute(SERVER + "/admin-service/jmx-connector[@name='system']/@port", 8686),
            Port.attribute(SERVER + "/system-property[@name='JMS_PROVIDER_PORT']/@value", 7676),
            Port.within(SERVER + "/java-config/@debug-options", 9009, "address="),
            Port.within(
                    SERVER + "/java-config/jvm-options[starts-with(., '-Dosgi.shell.telnet.port=')]/text()",
                    6666,
                    "-Dosgi.shell.telnet.port="),
            // The data grid (Hazelcast): the domain admin server's member listens on das-port.
            Port.attribute(GRID_CONFIG + "/@das-port", GRID),
            Port.attribute(GRID_CONFIG + "/@start-port", 5900));

    private PayaraPorts() {}

    /** The ports a domain shifted by {@code offset} opens, the debugger's included. */
    static List<Integer> ports(int offset) {
        return PORTS.stream().map(port -> port.stock() + offset).toList();
    }

    static void shift(Path domainXml, int offset) throws Exception {
        edit(domainXml, (domain, xpath) -> {
            for (Port port : PORTS) {
                Node node = port.inValue() == null
                        ? attribute(domainXml, domain, xpath, port)
                        : single(domainXml, domain, xpath, port.xpath());
                node.setNodeValue(moved(node.getNodeValue(), port, offset));
            }
        });
    }

    /**
     * The data grid members a domain looks for in tcpip mode ({@code asadmin set-hazelcast-configuration
     * --tcpipmembers}): the grid ports of the domains whose ports were shifted by {@code offsets}, on this host.
     * Kept beside {@link #shift}, since the list names ports that move with the offset.
     */
    static void gridMembers(Path domainXml, int... offsets) throws Exception {
        String members = Arrays.stream(offsets)
                .mapToObj(offset -> "127.0.0.1:" + (GRID + offset))
                .collect(Collectors.joining(","));
        edit(
                domainXml,
                (domain, xpath) -> single(domainXml, domain, xpath, GRID_CONFIG + "/@tcpip-members")
                        .setNodeValue(members));
    }

    private interface Edit {
        void apply(Document domain, XPath xpath) throws Exception;
    }

    /** Reads domain.xml, applies the edit, and replaces the file in one move (never a half-written domain.xml). */
    private static void edit(Path domainXml, Edit edit) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document domain = factory.newDocumentBuilder().parse(domainXml.toFile());
        edit.apply(domain, XPathFactory.newInstance().newXPath());
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        Path written = domainXml.resolveSibling(domainXml.getFileName() + ".offset");
        try (OutputStream out = Files.newOutputStream(written)) {
            transformer.transform(new DOMSource(domain), new StreamResult(out));
        }
        Files.move(written, domainXml, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A port attribute, created with its stock value where the element leaves it out: Payara writes the data grid's
     * ports only when they differ from the defaults (set-hazelcast-configuration rewrites the element without them).
     */
    private static Node attribute(Path domainXml, Document domain, XPath xpath, Port port) throws Exception {
        int at = port.xpath().lastIndexOf("/@");
        Element element =
                (Element) single(domainXml, domain, xpath, port.xpath().substring(0, at));
        String name = port.xpath().substring(at + 2);
        if (!element.hasAttribute(name)) {
            element.setAttribute(name, Integer.toString(port.stock()));
        }
        return element.getAttributeNode(name);
    }

    private static Node single(Path domainXml, Document domain, XPath xpath, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(expression, domain, XPathConstants.NODESET);
        if (nodes.getLength() != 1) {
            throw new IllegalStateException(domainXml + ": expected one " + expression + ", found " + nodes.getLength()
                    + " (another Payara release?)");
        }
        return nodes.item(0);
    }

    private static String moved(String value, Port port, int offset) {
        String target = Integer.toString(port.stock() + offset);
        if (port.inValue() == null) {
            return target;
        }
        Matcher matcher = port.inValue().matcher(value);
        if (!matcher.find()) {
            throw new IllegalStateException("No port in " + port.xpath() + ": " + value);
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + target));
    }
}
