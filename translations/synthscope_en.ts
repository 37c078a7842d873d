<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>synthscope::model::ProjectDocument</name>
    <message numerus="yes">
        <source>%n samples carry a duplicate-cluster id.</source>
        <translation>
            <numerusform>%n sample carries a duplicate-cluster id.</numerusform>
            <numerusform>%n samples carry a duplicate-cluster id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n samples.</source>
        <translation>
            <numerusform>“%1”: %n sample.</numerusform>
            <numerusform>“%1”: %n samples.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::model::ReviewCommands</name>
    <message numerus="yes">
        <source>Tag %n samples “%1”</source>
        <translation>
            <numerusform>Tag %n sample “%1”</numerusform>
            <numerusform>Tag %n samples “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n samples “%1”</source>
        <translation>
            <numerusform>Untag %n sample “%1”</numerusform>
            <numerusform>Untag %n samples “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n samples</source>
        <translation>
            <numerusform>Keep %n sample</numerusform>
            <numerusform>Keep %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop %n samples</source>
        <translation>
            <numerusform>Drop %n sample</numerusform>
            <numerusform>Drop %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear the decision on %n samples</source>
        <translation>
            <numerusform>Clear the decision on %n sample</numerusform>
            <numerusform>Clear the decision on %n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::model::SimilarText</name>
    <message numerus="yes">
        <source>%n sample(s) have no embedding from &quot;%1&quot; (imported after it?); embed the project again in Analysis → Embeddings</source>
        <translation>
            <numerusform>%n sample has no embedding from &quot;%1&quot; (imported after it?); embed the project again in Analysis → Embeddings</numerusform>
            <numerusform>%n samples have no embedding from &quot;%1&quot; (imported after it?); embed the project again in Analysis → Embeddings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ClusterMapView</name>
    <message numerus="yes">
        <source>Map selection: %n samples</source>
        <translation>
            <numerusform>Map selection: %n sample</numerusform>
            <numerusform>Map selection: %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Selection&lt;/b&gt;: %n samples</source>
        <translation>
            <numerusform>&lt;b&gt;Selection&lt;/b&gt;: %n sample</numerusform>
            <numerusform>&lt;b&gt;Selection&lt;/b&gt;: %n samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::DuplicatesView</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n duplicate groups&lt;/b&gt; (exact: same normalised text; near: word 5-gram Jaccard ≥ 0.8 by MinHash).</source>
        <translation>
            <numerusform>&lt;b&gt;%n duplicate group&lt;/b&gt; (exact: same normalised text; near: word 5-gram Jaccard ≥ 0.8 by MinHash).</numerusform>
            <numerusform>&lt;b&gt;%n duplicate groups&lt;/b&gt; (exact: same normalised text; near: word 5-gram Jaccard ≥ 0.8 by MinHash).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n sample)</numerusform>
            <numerusform>%1 (%n samples)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ExportDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n sample(s)&lt;/b&gt; match.</source>
        <translation>
            <numerusform>&lt;b&gt;%n sample&lt;/b&gt; matches.</numerusform>
            <numerusform>&lt;b&gt;%n samples&lt;/b&gt; match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::SamplesView</name>
    <message numerus="yes">
        <source>&amp;Review %Ln selected</source>
        <translation>
            <numerusform>&amp;Review %Ln selected</numerusform>
            <numerusform>&amp;Review %Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n selected</source>
        <translation>
            <numerusform>%1: %n selected</numerusform>
            <numerusform>%1: %n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1 (%n sample)</numerusform>
            <numerusform>%1 (%n samples)</numerusform>
        </translation>
    </message>
</context>
</TS>
