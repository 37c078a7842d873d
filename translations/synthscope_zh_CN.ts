<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Inspect synthetic training data against real data.</source>
        <translation>对照真实数据检查合成训练数据。</translation>
    </message>
    <message>
        <source>Project file (*.synthscope) to open.</source>
        <translation>要打开的项目文件（*.synthscope）。</translation>
    </message>
    <message>
        <source>Save PNGs of each view into &lt;dir&gt; and quit.</source>
        <translation>将每个视图的 PNG 截图保存到 &lt;dir&gt; 后退出。</translation>
    </message>
    <message>
        <source>Window size of --screenshots, e.g. 1280x720 (default 1400x880).</source>
        <translation>--screenshots 的窗口尺寸，例如 1280x720（默认 1400x880）。</translation>
    </message>
    <message>
        <source>Create the project if it does not exist.</source>
        <translation>项目不存在时创建项目。</translation>
    </message>
    <message>
        <source>Record answers as &lt;name&gt; (remembered for next time).</source>
        <translation>以 &lt;name&gt; 的身份记录作答（下次自动沿用）。</translation>
    </message>
    <message>
        <source>Show the analyses of all (default), prompts or responses.</source>
        <translation>显示 all（全文，默认）、prompts（提示）或 responses（回复）的分析结果。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Show the interface in &lt;code&gt; (en or zh_CN) this time, whatever the setting.</source>
        <translation>本次以 &lt;code&gt;（en 或 zh_CN）显示界面，不论设置如何。</translation>
    </message>
    <message>
        <source>Colours: system (default) or dark, as a dark desktop theme gives.</source>
        <translation>配色：system（默认，跟随系统）或 dark（与深色桌面主题相同）。</translation>
    </message>
</context>
<context>
    <name>synthscope::analysis::Progress</name>
    <message>
        <source>assigning</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>building the report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>comparing</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>comparing with the stored embeddings</source>
        <translation>与已存储的嵌入比较</translation>
    </message>
    <message>
        <source>compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>detectability</source>
        <translation>可检测性</translation>
    </message>
    <message>
        <source>diversity</source>
        <translation>多样性</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>each corpus vs real</source>
        <translation>各语料与真实数据比较</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>embedding (retrying)</source>
        <translation>嵌入（重试中）</translation>
    </message>
    <message>
        <source>exporting</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>fitting the embedding</source>
        <translation>拟合嵌入</translation>
    </message>
    <message>
        <source>HNSW index</source>
        <translation>HNSW 索引</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <source>k-means++</source>
        <translation>k-means++</translation>
    </message>
    <message>
        <source>kNN graph</source>
        <translation>kNN 图</translation>
    </message>
    <message>
        <source>language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <source>length-matched baselines</source>
        <translation>长度匹配基线</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>loading embeddings</source>
        <translation>加载嵌入</translation>
    </message>
    <message>
        <source>loading the map</source>
        <translation>加载簇图</translation>
    </message>
    <message>
        <source>LSH</source>
        <translation>LSH</translation>
    </message>
    <message>
        <source>LSH buckets</source>
        <translation>LSH 分桶</translation>
    </message>
    <message>
        <source>MAUVE</source>
        <translation>MAUVE</translation>
    </message>
    <message>
        <source>MinHash</source>
        <translation>MinHash</translation>
    </message>
    <message>
        <source>mini-batch k-means</source>
        <translation>小批量 k-means</translation>
    </message>
    <message>
        <source>moulds</source>
        <translation>模子</translation>
    </message>
    <message>
        <source>neighbour layout</source>
        <translation>近邻布局</translation>
    </message>
    <message>
        <source>neighbours</source>
        <translation>近邻</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>profiling</source>
        <translation>统计概况</translation>
    </message>
    <message>
        <source>ranking unreviewed samples</source>
        <translation>为未审阅样本排序</translation>
    </message>
    <message>
        <source>reading embeddings</source>
        <translation>读取嵌入</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>saving embeddings</source>
        <translation>保存嵌入</translation>
    </message>
    <message>
        <source>self-BLEU</source>
        <translation>Self-BLEU</translation>
    </message>
    <message>
        <source>shingles</source>
        <translation>shingle 切分</translation>
    </message>
    <message>
        <source>skeleton groups</source>
        <translation>骨架分组</translation>
    </message>
    <message>
        <source>skeletons</source>
        <translation>骨架</translation>
    </message>
    <message>
        <source>star clustering</source>
        <translation>星形聚类</translation>
    </message>
    <message>
        <source>SVD</source>
        <translation>SVD</translation>
    </message>
    <message>
        <source>template measures</source>
        <translation>模板指标</translation>
    </message>
    <message>
        <source>TF-IDF</source>
        <translation>TF-IDF</translation>
    </message>
    <message>
        <source>tokenizing</source>
        <translation>分词</translation>
    </message>
    <message>
        <source>writing HTML and PDF</source>
        <translation>写入 HTML 与 PDF</translation>
    </message>
    <message>
        <source>reading coordinates</source>
        <translation>读取坐标</translation>
    </message>
    <message>
        <source>indexing for search</source>
        <translation>建立搜索索引</translation>
    </message>
    <message>
        <source>judging the red lines</source>
        <translation>判定红线</translation>
    </message>
    <message>
        <source>reading the sources&apos; reviews</source>
        <translation>读取各来源的审阅情况</translation>
    </message>
</context>
<context>
    <name>synthscope::model::AffixModel</name>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
</context>
<context>
    <name>synthscope::model::AgreementModel</name>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>差</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>almost perfect</source>
        <translation>几乎完全</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>Shared samples</source>
        <translation>共同样本</translation>
    </message>
    <message>
        <source>Observed agreement</source>
        <translation>观测一致性</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ (2 reviewers)</source>
        <translation>Cohen&apos;s κ（2 名审阅人）</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff&apos;s α</translation>
    </message>
    <message>
        <source>Reading (Landis &amp; Koch)</source>
        <translation>解读（Landis &amp; Koch）</translation>
    </message>
    <message>
        <source>Agreement on “%1” over %2 samples answered by two or more reviewers.</source>
        <translation>“%1”的一致性：基于 %2 个由两名或以上审阅人作答的样本。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::AnalysisRecord</name>
    <message>
        <source>cannot store the run: %1</source>
        <translation>无法保存本次运行：%1</translation>
    </message>
    <message>
        <source>cannot read the metrics of run %1: %2</source>
        <translation>无法读取运行 %1 的指标：%2</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Analyzer</name>
    <message>
        <source>embeddings from &quot;%1&quot; have differing dimensions</source>
        <translation>来自“%1”的嵌入维度不一致</translation>
    </message>
    <message>
        <source>analysis cancelled; the previous results are kept</source>
        <translation>分析已取消；保留先前的结果</translation>
    </message>
    <message>
        <source>analysis failed: %1</source>
        <translation>分析失败：%1</translation>
    </message>
    <message>
        <source>the project has no corpora to analyse; import one first</source>
        <translation>项目中没有可分析的语料；请先导入语料</translation>
    </message>
    <message>
        <source>&quot;%1&quot; are the built-in embeddings of another view; they are not chosen by name</source>
        <translation>“%1”是另一视图的内置嵌入，不能按名称选择</translation>
    </message>
    <message>
        <source>no analysis yet: run the analyses first</source>
        <translation>尚无分析：请先运行分析</translation>
    </message>
    <message>
        <source>the newest analysis has no embeddings; run it again</source>
        <translation>最新一次分析没有嵌入；请重新运行</translation>
    </message>
    <message>
        <source>the newest analysis has no map; run it again</source>
        <translation>最新一次分析没有簇图；请重新运行</translation>
    </message>
    <message>
        <source>layout cancelled; the previous map is kept</source>
        <translation>布局已取消；保留先前的簇图</translation>
    </message>
    <message>
        <source>layout failed: %1</source>
        <translation>布局失败：%1</translation>
    </message>
    <message>
        <source>sample %1 has no embedding from &quot;%2&quot;; compute or import embeddings for every sample first</source>
        <translation>样本 %1 没有来自“%2”的嵌入；请先为每个样本计算或导入嵌入</translation>
    </message>
    <message>
        <source>no corpus has %1: import conversations, or a text with its role (prompt or response)</source>
        <translation>没有任何语料包含%1：请导入对话，或导入带有角色（提示或回复）的文本</translation>
    </message>
    <message>
        <source>the embeddings &quot;%1&quot; of the newest analysis are missing or changed; run the analyses again</source>
        <translation>最新分析所用的嵌入“%1”缺失或已更改；请重新运行分析</translation>
    </message>
    <message>
        <source>sample %1 (%2, %3 line %4)</source>
        <translation>样本 %1（%2，%3 第 %4 行）</translation>
    </message>
    <message>
        <source>%1 is not a JSON record; coordinates from fields need JSON Lines or JSON array imports</source>
        <translation>%1 不是 JSON 记录；从字段读取坐标需要以 JSON Lines 或 JSON 数组导入</translation>
    </message>
    <message>
        <source>%1 has no number in &quot;%2&quot;</source>
        <translation>%1 的“%2”中没有数值</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ClustersModel</name>
    <message>
        <source>Cluster · terms</source>
        <translation>簇 · 词语</translation>
    </message>
    <message>
        <source>The cluster&apos;s most distinctive words (class-based TF-IDF, without function words); hover a cell for all of them</source>
        <translation>该簇最具区分度的词语（基于类的 TF-IDF，不含虚词）；悬停在单元格上可查看全部</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>(no frequent terms)</source>
        <translation>（无高频词）</translation>
    </message>
    <message>
        <source>Terms: %1</source>
        <translation>词语：%1</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Synthetic %</source>
        <translation>合成 %</translation>
    </message>
    <message>
        <source>Share of the cluster&apos;s samples that are synthetic</source>
        <translation>簇内样本中合成样本的占比</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>&quot;synthetic only&quot; (≥ 90% synthetic): a template factory; &quot;real only&quot; (≥ 90% real): a part of reality the synthetic data misses</source>
        <translation>“仅合成”（≥ 90% 合成）：模板工厂；“仅真实”（≥ 90% 真实）：合成数据遗漏的那部分现实</translation>
    </message>
    <message>
        <source>synthetic only</source>
        <translation>仅合成</translation>
    </message>
    <message>
        <source>real only</source>
        <translation>仅真实</translation>
    </message>
    <message>
        <source>Almost only synthetic samples: a template factory with no real counterpart.</source>
        <translation>几乎全是合成样本：没有真实对应的模板工厂。</translation>
    </message>
    <message>
        <source>Almost only real samples: a part of reality the synthetic data does not cover (the long tail).</source>
        <translation>几乎全是真实样本：合成数据未覆盖的那部分现实（长尾）。</translation>
    </message>
    <message>
        <source>NN sim.</source>
        <translation>最近邻相似度</translation>
    </message>
    <message>
        <source>Mean cosine of each member to its nearest neighbour in its own corpus</source>
        <translation>每个成员与其所在语料中最近邻的平均余弦相似度</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ConceptModel</name>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>P(tag)</source>
        <translation>P(标签)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>synthscope::model::CorporaModel</name>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>偏好对</translation>
    </message>
    <message>
        <source>prompts</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>responses</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1
Files: %2
Imported: %3
Rows read: %4 (skipped by the condition: %5)
With a prompt: %6, with a response: %7</source>
        <translation>%1
文件：%2
导入时间：%3
已读取行数：%4（因条件跳过：%5）
含提示：%6，含回复：%7</translation>
    </message>
    <message>
        <source>a uniform sample of %1 of %2 records (reservoir sampling, seed %3)</source>
        <translation>从 %2 条记录中均匀抽取的 %1 条样本（蓄水池抽样，种子 %3）</translation>
    </message>
    <message>
        <source>Imported as %1: every measure of this corpus is an estimate from the sample.</source>
        <translation>导入方式：%1；该语料的每项指标都是基于此样本的估计。</translation>
    </message>
    <message>
        <source>all %1 records (a sample of up to %2 was asked)</source>
        <translation>全部 %1 条记录（请求的样本上限为 %2）</translation>
    </message>
</context>
<context>
    <name>synthscope::model::CorpusEdits</name>
    <message>
        <source>there is no corpus with id %1</source>
        <translation>不存在 id 为 %1 的语料</translation>
    </message>
    <message>
        <source>a corpus name cannot be empty</source>
        <translation>语料名称不能为空</translation>
    </message>
    <message>
        <source>a corpus named &apos;%1&apos; already exists</source>
        <translation>已存在名为“%1”的语料</translation>
    </message>
    <message>
        <source>removal cancelled; the project is unchanged</source>
        <translation>已取消移除；项目未更改</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>正在移除 %1</translation>
    </message>
    <message>
        <source>Removing the corpus</source>
        <translation>正在移除语料</translation>
    </message>
    <message>
        <source>removing the corpus would leave rows of %1 pointing at it</source>
        <translation>移除该语料会使 %1 中的行指向不存在的语料</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <source>Rename corpus “%1” to “%2”</source>
        <translation>将语料“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Mark corpus as %1</source>
        <translation>将语料标记为%1</translation>
    </message>
    <message>
        <source>unknown role</source>
        <translation>未知角色</translation>
    </message>
</context>
<context>
    <name>synthscope::model::DuplicateGroupsModel</name>
    <message>
        <source>First member</source>
        <translation>首个成员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>near</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>Every member has the same text after normalisation.</source>
        <translation>规范化后所有成员的文本完全相同。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Members differ a little: word 5-gram Jaccard ≥ 0.8 (MinHash), or share a duplicate-cluster id imported with their corpus.</source>
        <translation>成员略有差异：词 5-gram Jaccard ≥ 0.8（MinHash），或共享随语料导入的重复簇 id。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::EmbeddingSources</name>
    <message>
        <source>cancelled; the project is unchanged</source>
        <translation>已取消；项目未更改</translation>
    </message>
    <message>
        <source>the endpoint URL &quot;%1&quot; is not valid</source>
        <translation>端点 URL“%1”无效</translation>
    </message>
    <message>
        <source>the environment variable %1 (the API key) is not set</source>
        <translation>环境变量 %1（API 密钥）未设置</translation>
    </message>
    <message>
        <source>the embeddings endpoint %1 failed: %2</source>
        <translation>嵌入端点 %1 请求失败：%2</translation>
    </message>
    <message>
        <source>the embeddings endpoint %1 did not answer JSON</source>
        <translation>嵌入端点 %1 返回的不是 JSON</translation>
    </message>
    <message>
        <source>%1 has no numeric array &quot;%2&quot;</source>
        <translation>%1 没有数值数组 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has %3 numbers, earlier samples %4</source>
        <translation>%1：&quot;%2&quot; 有 %3 个数值，而之前的样本为 %4 个</translation>
    </message>
    <message>
        <source>the project has no samples</source>
        <translation>项目中没有样本</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>&quot;embedding&quot; must be a non-empty array of numbers</source>
        <translation>&quot;embedding&quot; 必须是非空的数值数组</translation>
    </message>
    <message>
        <source>no sample of corpus &quot;%1&quot; comes from line %2</source>
        <translation>语料“%1”中没有来自第 %2 行的样本</translation>
    </message>
    <message>
        <source>%1 numbers, earlier lines %2</source>
        <translation>%1 个数值，而之前的行为 %2 个</translation>
    </message>
    <message>
        <source>a second embedding for the same sample</source>
        <translation>同一样本出现了第二个嵌入</translation>
    </message>
    <message>
        <source>%1 has no embedding in %2</source>
        <translation>%1 在 %2 中没有嵌入</translation>
    </message>
    <message>
        <source>unknown embedding kind</source>
        <translation>未知的嵌入类型</translation>
    </message>
    <message>
        <source>no embeddings named &quot;%1&quot; in the project</source>
        <translation>项目中没有名为“%1”的嵌入</translation>
    </message>
    <message>
        <source>choose a source name other than &quot;%1&quot; (&quot;tfidf-svd&quot; and &quot;tfidf-svd:…&quot; are the built-in embeddings&apos;)</source>
        <translation>请选择“%1”以外的来源名称（“tfidf-svd”和“tfidf-svd:…”是内置嵌入的名称）</translation>
    </message>
    <message>
        <source>the embeddings endpoint %1 answered %2 embeddings for %3 texts</source>
        <translation>嵌入端点 %1 为 %3 条文本返回了 %2 个嵌入</translation>
    </message>
    <message>
        <source>the embeddings endpoint %1 answered a malformed embedding (item %2)</source>
        <translation>嵌入端点 %1 返回了格式错误的嵌入（第 %2 项）</translation>
    </message>
    <message>
        <source>the embeddings endpoint %1 answered embeddings of different dimensions (%2 and %3)</source>
        <translation>嵌入端点 %1 返回的嵌入维度不一致（%2 和 %3）</translation>
    </message>
    <message>
        <source>%1 is not a JSON record; embeddings from a field need JSON Lines or JSON array imports</source>
        <translation>%1 不是 JSON 记录；从字段读取嵌入需要以 JSON Lines 或 JSON 数组格式导入</translation>
    </message>
    <message>
        <source>not a NumPy .npy file</source>
        <translation>不是 NumPy .npy 文件</translation>
    </message>
    <message>
        <source>NumPy format version %1 is not supported</source>
        <translation>不支持 NumPy 格式版本 %1</translation>
    </message>
    <message>
        <source>the .npy header is truncated</source>
        <translation>.npy 文件头不完整</translation>
    </message>
    <message>
        <source>the array holds &quot;%1&quot;; little-endian float32 or float64 (&lt;f4, &lt;f8) is needed</source>
        <translation>数组类型为“%1”；需要小端 float32 或 float64（&lt;f4、&lt;f8）</translation>
    </message>
    <message>
        <source>the .npy shape &quot;%1&quot; cannot be read</source>
        <translation>无法读取 .npy 形状“%1”</translation>
    </message>
    <message>
        <source>%1 has %2 rows, but the project has %3 samples: row i is the i-th sample in project order (corpora and records in import order)</source>
        <translation>%1 有 %2 行，但项目有 %3 个样本：第 i 行对应项目顺序中的第 i 个样本（语料与记录按导入顺序）</translation>
    </message>
    <message>
        <source>%1: %2 bytes of data where a %3 × %4 array needs %5</source>
        <translation>%1：数据为 %2 字节，而 %3 × %4 的数组需要 %5 字节</translation>
    </message>
    <message>
        <source>%1: the array must be two-dimensional with at least one column, one row per sample (its shape is (%2))</source>
        <translation>%1：数组必须是二维的且至少有一列，每个样本一行（其形状为 (%2)）</translation>
    </message>
    <message>
        <source>more</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: row %2 (%3) holds a value that is not a finite number within float32&apos;s range</source>
        <translation>%1：第 %2 行（%3）含有不在 float32 范围内的非有限数值</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Exporter</name>
    <message>
        <source>no corpus named &apos;%1&apos;</source>
        <translation>没有名为“%1”的语料</translation>
    </message>
    <message>
        <source>no decisions by a reviewer named &apos;%1&apos;</source>
        <translation>名为“%1”的审阅人没有任何决定</translation>
    </message>
    <message>
        <source>no tag named &apos;%1&apos;</source>
        <translation>没有名为“%1”的标签</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a group number (1, 2, …)</source>
        <translation>“%1”不是组号（1、2、…）</translation>
    </message>
    <message>
        <source>unknown decision &apos;%1&apos; (use any, keep, drop or undecided)</source>
        <translation>未知的决定“%1”（可用 any、keep、drop 或 undecided）</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: write failed: %2</source>
        <translation>%1：写入失败：%2</translation>
    </message>
    <message>
        <source>export cancelled; nothing was written</source>
        <translation>导出已取消；未写入任何内容</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1：无法保存：%2</translation>
    </message>
    <message>
        <source>the analyses were run again after this export was set up, so its cluster and skeleton group numbers may name other groups now; open Export again</source>
        <translation>设置此导出后又重新运行了分析，因此其中的簇编号和骨架组编号现在可能对应其他组；请重新打开“导出”</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Gate</name>
    <message>
        <source>no synthetic sample records a %1</source>
        <translation>没有任何合成样本记录了%1</translation>
    </message>
    <message>
        <source>needs %1 rounds with a recorded %2, has %3</source>
        <translation>需要 %1 个记录了%2的轮次，当前只有 %3 个</translation>
    </message>
    <message>
        <source>no %1 recorded in the last %2 rounds</source>
        <translation>最近 %2 个轮次中没有记录%1</translation>
    </message>
    <message>
        <source>; a different %1 leads each round</source>
        <translation>；每个轮次领先的%1各不相同</translation>
    </message>
    <message>
        <source>one %1 only (%2): no change to review after</source>
        <translation>只有一个%1（%2）：没有来源变更，无需在变更后审阅</translation>
    </message>
    <message>
        <source>all %1 %2s came in the same round or import: no change to review after</source>
        <translation>全部 %1 个%2都来自同一轮次或同一次导入：没有来源变更，无需在变更后审阅</translation>
    </message>
    <message>
        <source>newest %1 %2%3: %4 of %5 reviewed (%6 by two reviewers); needs %7</source>
        <translation>最新%1 %2%3：%5 个中已审阅 %4 个（%6 个经两名审阅人审阅）；需要 %7 个</translation>
    </message>
    <message>
        <source>not %1 over %2 analyses</source>
        <translation>在 %2 次分析中未持续%1</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>%1 in one of the last %2 rounds, or a different leader</source>
        <translation>最近 %2 个轮次中有一轮满足 %1，或领先者不同</translation>
    </message>
    <message>
        <source>%1 and ≥ %2 reviewed</source>
        <translation>%1 且已审阅 ≥ %2</translation>
    </message>
    <message>
        <source>the rules are not valid JSON: %1</source>
        <translation>规则不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the rules file needs a &quot;rules&quot; array</source>
        <translation>规则文件需要一个 &quot;rules&quot; 数组</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-empty text</source>
        <translation>&quot;%1&quot; 必须是非空文本</translation>
    </message>
    <message>
        <source>&quot;scope&quot; must be comparison, synthetic or real</source>
        <translation>&quot;scope&quot; 必须是 comparison、synthetic 或 real</translation>
    </message>
    <message>
        <source>&quot;severity&quot; must be warn or fail</source>
        <translation>&quot;severity&quot; 必须是 warn 或 fail</translation>
    </message>
    <message>
        <source>&quot;trend.worse&quot; must be rising or falling</source>
        <translation>&quot;trend.worse&quot; 必须是 rising 或 falling</translation>
    </message>
    <message>
        <source>&quot;op&quot; (&lt;=, &lt;, &gt;= or &gt;) is missing</source>
        <translation>缺少 &quot;op&quot;（&lt;=、&lt;、&gt;= 或 &gt;）</translation>
    </message>
    <message>
        <source>&quot;op&quot; must be &lt;=, &lt;, &gt;= or &gt;</source>
        <translation>&quot;op&quot; 必须是 &lt;=、&lt;、&gt;= 或 &gt;</translation>
    </message>
    <message>
        <source>&quot;threshold&quot; must be a number</source>
        <translation>&quot;threshold&quot; 必须是数字</translation>
    </message>
    <message>
        <source>&quot;rounds&quot; must be a whole number ≥ 1</source>
        <translation>&quot;rounds&quot; 必须是 ≥ 1 的整数</translation>
    </message>
    <message>
        <source>no analysis yet: run the analyses first</source>
        <translation>尚无分析：请先运行分析</translation>
    </message>
    <message>
        <source>needs %1 analyses with this metric, has %2</source>
        <translation>需要 %1 次包含此指标的分析，当前只有 %2 次</translation>
    </message>
    <message>
        <source>%1 %2 samples reviewed; needs %3</source>
        <translation>已审阅 %1 个%2样本；需要 %3 个</translation>
    </message>
    <message>
        <source>%1 synthetic of %2 samples</source>
        <translation>%2 个样本中有 %1 个为合成样本</translation>
    </message>
    <message>
        <source>worst: %1 (real vs real %2 ± %3)</source>
        <translation>最差：%1（真实 vs 真实 %2 ± %3）</translation>
    </message>
    <message>
        <source>; %1 synthetic corpora judged</source>
        <translation>；已评估 %1 个合成语料</translation>
    </message>
    <message>
        <source>; %1 not measured (too small, or no value)</source>
        <translation>；%1 个未测量（过小或无数值）</translation>
    </message>
    <message>
        <source>median perplexity %1 synthetic, %2 real held out</source>
        <translation>困惑度中位数：合成 %1，真实留出集 %2</translation>
    </message>
    <message>
        <source>; %1 without preference pairs</source>
        <translation>；%1 个没有偏好对</translation>
    </message>
    <message>
        <source>; %1 not measured</source>
        <translation>；%1 个未测量</translation>
    </message>
    <message>
        <source>lengths without a real match: %1</source>
        <translation>没有真实匹配的长度：%1</translation>
    </message>
    <message>
        <source>not measured in the newest analysis</source>
        <translation>最新一次分析中未测量</translation>
    </message>
    <message>
        <source>the newest analysis has no concentration on sources (it predates them): run the analyses again</source>
        <translation>最新分析没有来源集中度数据（该分析早于此功能）：请重新运行分析</translation>
    </message>
    <message>
        <source>round %1: entropy %2 over %3 sources</source>
        <translation>第 %1 轮：%3 个来源的熵为 %2</translation>
    </message>
    <message>
        <source>round %1: %2 %3</source>
        <translation>第 %1 轮：%2 %3</translation>
    </message>
    <message>
        <source> (round %1)</source>
        <translation> （第 %1 轮）</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>&quot;trend&quot; needs &quot;runs&quot; ≥ 2</source>
        <translation>&quot;trend&quot; 需要 &quot;runs&quot; ≥ 2</translation>
    </message>
    <message>
        <source>&quot;rounds&quot; applies to source_largest_share_* and source_entropy_* metrics only</source>
        <translation>&quot;rounds&quot; 仅适用于 source_largest_share_* 和 source_entropy_* 指标</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed %3 samples</source>
        <translation>已审阅的 %2 个%3样本中有 %1 个</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>最差：%1</translation>
    </message>
    <message>
        <source>&quot;min_reviewed&quot; must be a whole number ≥ 0</source>
        <translation>“min_reviewed”必须是 ≥ 0 的整数</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Importer</name>
    <message>
        <source>a corpus named &apos;%1&apos; already exists</source>
        <translation>已存在名为“%1”的语料</translation>
    </message>
    <message>
        <source>the corpus needs a name</source>
        <translation>语料需要名称</translation>
    </message>
    <message>
        <source>no input files</source>
        <translation>没有输入文件</translation>
    </message>
    <message>
        <source>preference pairs need the second output&apos;s field</source>
        <translation>偏好对需要指定第二个输出的字段</translation>
    </message>
    <message>
        <source>generator of a pair&apos;s output: %1</source>
        <translation>偏好对输出的生成器：%1</translation>
    </message>
    <message>
        <source>a conversation needs the field holding its turns</source>
        <translation>对话需要指定存放其各轮的字段</translation>
    </message>
    <message>
        <source>a conversation needs its prompt field and its response field</source>
        <translation>对话需要指定提示字段和回复字段</translation>
    </message>
    <message>
        <source>choose a text field or a text template</source>
        <translation>请选择文本字段或文本模板</translation>
    </message>
    <message>
        <source>text template: %1</source>
        <translation>文本模板：%1</translation>
    </message>
    <message>
        <source>the text&apos;s role is &apos;prompt&apos; or &apos;response&apos;, not &apos;%1&apos;</source>
        <translation>文本的角色应为 &apos;prompt&apos; 或 &apos;response&apos;，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot create the corpus: %1</source>
        <translation>无法创建语料：%1</translation>
    </message>
    <message>
        <source>cannot store a sample: %1</source>
        <translation>无法保存样本：%1</translation>
    </message>
    <message>
        <source>cannot store a rejected row: %1</source>
        <translation>无法保存拒收行：%1</translation>
    </message>
    <message>
        <source>cannot store a preference pair: %1</source>
        <translation>无法保存偏好对：%1</translation>
    </message>
    <message>
        <source>cannot store a turn: %1</source>
        <translation>无法保存对话轮：%1</translation>
    </message>
    <message>
        <source>import cancelled; the project is unchanged</source>
        <translation>导入已取消；项目未更改</translation>
    </message>
    <message>
        <source>cannot update the corpus: %1</source>
        <translation>无法更新语料：%1</translation>
    </message>
    <message>
        <source>unknown provenance field &apos;%1&apos; (use generator, template_version, judge_version or round)</source>
        <translation>未知的来源字段“%1”（请使用 generator、template_version、judge_version 或 round）</translation>
    </message>
    <message>
        <source>no record matched the condition (%1 skipped); nothing was imported</source>
        <translation>没有记录符合条件（已跳过 %1 条）；未导入任何内容</translation>
    </message>
    <message>
        <source>a sample needs at least one record</source>
        <translation>抽样至少需要一条记录</translation>
    </message>
    <message>
        <source>the project lacks its trigger &apos;%1&apos;</source>
        <translation>项目缺少触发器“%1”</translation>
    </message>
    <message>
        <source>cannot index the text: %1</source>
        <translation>无法为文本建立索引：%1</translation>
    </message>
    <message>
        <source>cannot restore the full-text index trigger: %1</source>
        <translation>无法恢复全文索引触发器：%1</translation>
    </message>
    <message>
        <source>not an SQLite connection</source>
        <translation>不是 SQLite 连接</translation>
    </message>
    <message>
        <source>cannot start a thread to read the files: %1</source>
        <translation>无法启动读取文件的线程：%1</translation>
    </message>
</context>
<context>
    <name>synthscope::model::IndicatingTermsModel</name>
    <message>
        <source>N-gram</source>
        <translation>N-gram</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>z-score of the weighted log-odds ratio (Monroe et al. 2008); |z| &gt; 1.96 is significant at 5%.</source>
        <translation>加权对数优势比的 z 分数（Monroe et al. 2008）；|z| &gt; 1.96 表示在 5% 水平上显著。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::JobRunner</name>
    <message>
        <source>waiting for “%1” to finish</source>
        <translation>正在等待“%1”完成</translation>
    </message>
</context>
<context>
    <name>synthscope::model::JudgeTableModel</name>
    <message>
        <source>± %1 points (standard error)</source>
        <translation>± %1 个百分点（标准误）</translation>
    </message>
    <message>
        <source>standard error not measured</source>
        <translation>未测量标准误</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>偏好对</translation>
    </message>
    <message>
        <source>Preference pairs with a verdict (ties included)</source>
        <translation>有判定的偏好对（含平局）</translation>
    </message>
    <message>
        <source>%1 judged pairs, %2 ties</source>
        <translation>%1 个已评判的偏好对，%2 个平局</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Share of pairs where the judge preferred the second output, ties counting half (AlpacaEval&apos;s win rate)</source>
        <translation>评判模型偏好第二个输出的偏好对占比，平局计为一半（AlpacaEval 的胜率）</translation>
    </message>
    <message>
        <source>Length-controlled</source>
        <translation>长度控制胜率</translation>
    </message>
    <message>
        <source>The win rate had both outputs had the same length: a logistic model of the verdicts on their length difference (Dubois et al. 2024)</source>
        <translation>假设两个输出长度相同时的胜率：以判定结果对长度差拟合的逻辑回归模型（Dubois et al. 2024）</translation>
    </message>
    <message>
        <source>Longer wins</source>
        <translation>较长者胜</translation>
    </message>
    <message>
        <source>Among decisive pairs of different lengths, the share the longer output won (raw: quality that comes with length counts too)</source>
        <translation>在长度不同且分出胜负的偏好对中，较长输出获胜的占比（原始值：随长度而来的质量差异也计入）</translation>
    </message>
    <message>
        <source>Length preference</source>
        <translation>长度偏好</translation>
    </message>
    <message>
        <source>How often the judge prefers the output 100 tokens longer when both are of equal quality. 50 %: length does not sway it; the default red line warns above 70 %.</source>
        <translation>两个输出质量相当时，评判模型偏好长 100 个词元的输出的概率。50 %：长度不影响判定；默认红线在高于 70 % 时警告。</translation>
    </message>
    <message>
        <source>Tokens 1st → 2nd</source>
        <translation>词元数（第一 → 第二）</translation>
    </message>
    <message>
        <source>Mean tokens of the first → second outputs</source>
        <translation>第一个 → 第二个输出的平均词元数</translation>
    </message>
    <message>
        <source>Kept / offered</source>
        <translation>保留 / 候选</translation>
    </message>
    <message>
        <source>Distinct bigrams of the preferred outputs against both outputs, on the same token budget: below 1, the judge narrows the data</source>
        <translation>在相同词元预算下，被偏好输出与全部输出的不同二元组数之比：低于 1 表示评判模型使数据变窄</translation>
    </message>
</context>
<context>
    <name>synthscope::model::LengthControlModel</name>
    <message>
        <source>%1 samples per draw were paired with a real sample of the same length; the rest have lengths the real side lacks and are left out of the lifts.</source>
        <translation>每次抽样中有 %1 个样本与相同长度的真实样本配对；其余样本的长度在真实数据中不存在，不计入提升倍数。</translation>
    </message>
    <message>
        <source>Not measured: %1 % of the sampled synthetic samples have lengths the real data lacks, so a baseline would speak for a minority of the corpus. Read the measures free of length (self-repetition at equal tokens, templates per token) instead.</source>
        <translation>未测量：抽样的合成样本中有 %1 % 的长度在真实数据中不存在，基线只能代表语料中的少数样本。请改为参考与长度无关的指标（等词元下的自重复、每词元模板数）。</translation>
    </message>
    <message>
        <source>Not measured in this analysis (too few matched samples, or the analysis ran without this stage).</source>
        <translation>本次分析未测量（匹配的样本过少，或分析未运行此阶段）。</translation>
    </message>
    <message>
        <source>&lt;br&gt;Synthetic: %1 · real samples of the same lengths: %2 · lift %3×</source>
        <translation>&lt;br&gt;合成：%1 · 相同长度的真实样本：%2 · 提升倍数 %3×</translation>
    </message>
    <message>
        <source>&lt;br&gt;Over %1 matched samples per draw (%2 % of the drawn samples had no real match).</source>
        <translation>&lt;br&gt;基于每次抽样中的 %1 个匹配样本（%2 % 的抽样样本没有真实匹配）。</translation>
    </message>
    <message>
        <source>%1 tokens (%2)</source>
        <translation>%1 个词元（%2）</translation>
    </message>
    <message>
        <source>%1 (median %2 tokens, KS %3)</source>
        <translation>%1（中位数 %2 个词元，KS %3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Text lengths differ between the sides&lt;/b&gt;: %1 against a real median of %2. Short texts repeat, share skeletons and sit close together by chance, so raw duplicate, skeleton and nearest-neighbour rates mislead here. Compare each corpus with real text of the same lengths (the lifts below) or, where the lengths barely overlap, read the measures free of length (self-repetition at equal tokens).</source>
        <translation>&lt;b&gt;两侧的文本长度不同&lt;/b&gt;：%1，而真实数据的中位数为 %2。短文本容易重复、共享骨架，也容易偶然彼此接近，因此原始的重复率、骨架率和最近邻比率在此会产生误导。请将每个语料与相同长度的真实文本比较（见下方的提升倍数）；若长度几乎不重叠，请参考与长度无关的指标（等词元下的自重复）。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::MapSelectionModel</name>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <source>Synthetic-likeness</source>
        <translation>合成相似度</translation>
    </message>
    <message>
        <source>NN similarity</source>
        <translation>最近邻相似度</translation>
    </message>
</context>
<context>
    <name>synthscope::model::MetricCatalog</name>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Records stored from the corpus files.</source>
        <translation>从语料文件导入并存储的记录数。</translation>
    </message>
    <message>
        <source>Mean length</source>
        <translation>平均长度</translation>
    </message>
    <message>
        <source>Mean tokens per sample. A large gap to the real corpus means the generator writes to a different length than people do.</source>
        <translation>每个样本的平均词元数。与真实语料差距大，说明生成器写出的长度与人写的不同。</translation>
    </message>
    <message>
        <source>Median length</source>
        <translation>长度中位数</translation>
    </message>
    <message>
        <source>Median tokens per sample.</source>
        <translation>每个样本词元数的中位数。</translation>
    </message>
    <message>
        <source>Starts in lower case</source>
        <translation>小写开头</translation>
    </message>
    <message>
        <source>Share of samples whose first letter (after @handles and links) is lower case (after Baldwin et al. 2013 on noisy user text). People type &quot;hi i returnd…&quot;; a large gap to the real prompts means the synthetic inputs are written differently.</source>
        <translation>首字母（跳过 @用户名 和链接之后）为小写的样本占比（参照 Baldwin et al. 2013 对噪声用户文本的研究）。人们会打出“hi i returnd…”这样的文字；与真实提示差距大，说明合成输入的写法与之不同。</translation>
    </message>
    <message>
        <source>Ends with punctuation</source>
        <translation>以标点结尾</translation>
    </message>
    <message>
        <source>Share of samples ending with . ! ? or … (before closing quotes). Users often stop without; generated text rarely does.</source>
        <translation>以 . ! ? 或 … 结尾（位于右引号之前）的样本占比。用户常常不加标点就结束，生成的文本则很少如此。</translation>
    </message>
    <message>
        <source>Sentences per sample</source>
        <translation>每样本句数</translation>
    </message>
    <message>
        <source>Mean sentences per sample (Unicode sentence boundaries). Several requests in one message show as more sentences; rises with length, so read it with the mean length.</source>
        <translation>每个样本的平均句数（按 Unicode 句子边界）。一条消息中包含多个请求时，句数会增多；句数随长度上升，因此应结合平均长度来看。</translation>
    </message>
    <message>
        <source>Politeness markers</source>
        <translation>礼貌用语标记</translation>
    </message>
    <message>
        <source>Share of samples with please, thanks, sorry, kindly, could you, would you and the like (Danescu-Niculescu-Mizil et al. 2013). English only; rises with length.</source>
        <translation>含有 please、thanks、sorry、kindly、could you、would you 等礼貌用语的样本占比（Danescu-Niculescu-Mizil et al. 2013）。仅适用于英语；随长度上升。</translation>
    </message>
    <message>
        <source>Out-of-vocabulary rate</source>
        <translation>OOV 率</translation>
    </message>
    <message>
        <source>Share of words (Latin letters) missing from the English word list: typos (&quot;returnd&quot;), slang and abbreviations (&quot;u&quot;, &quot;pls&quot;) and brand names (after Baldwin et al. 2013). Per word, so free of length. Far below the real prompts: the synthetic inputs are cleaner than what users type.</source>
        <translation>不在英语词表中的词（拉丁字母词）占比：拼写错误（“returnd”）、俚语和缩写（“u”、“pls”）以及品牌名（参照 Baldwin et al. 2013）。按词计算，因此与长度无关。远低于真实提示：合成输入比用户实际输入的更干净。</translation>
    </message>
    <message>
        <source>Mean Unicode code points per sample.</source>
        <translation>每个样本的平均 Unicode 码位数。</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词汇量</translation>
    </message>
    <message>
        <source>Distinct tokens. Depends on corpus size: compare corpora of similar size.</source>
        <translation>不同词元的数量。受语料规模影响：请比较规模相近的语料。</translation>
    </message>
    <message>
        <source>Vocabulary at equal tokens</source>
        <translation>等词元下的词汇量</translation>
    </message>
    <message>
        <source>Distinct tokens among the same number of tokens for every corpus (the smallest corpus&apos;s, at most 20,000), random samples, three draws averaged. Size- and length-controlled: lower than the real corpus means a narrower vocabulary in use.</source>
        <translation>在每个语料中随机抽取相同数量的词元（取最小语料的词元数，至多 20,000），统计其中不同词元的数量，取三次抽样的平均值。已控制规模和长度：低于真实语料，说明实际使用的词汇更窄。</translation>
    </message>
    <message>
        <source>Distinct-2 at equal tokens</source>
        <translation>等词元下的 Distinct-2</translation>
    </message>
    <message>
        <source>Distinct bigrams over bigrams on the same token budget for every corpus. Size- and length-controlled: falls when the same phrases are reused.</source>
        <translation>在每个语料相同的词元预算下，不同二元组数占全部二元组数的比例。已控制规模和长度：重复使用相同短语时下降。</translation>
    </message>
    <message>
        <source>Self-repetition at equal tokens</source>
        <translation>等词元下的自重复</translation>
    </message>
    <message>
        <source>Share of word 4-gram occurrences, in 20,000 tokens drawn from each corpus, whose 4-gram also occurs in another sample (after Salkar et al. 2022). The same budget for every corpus and run; per occurrence, so long samples do not score higher (samples under 4 tokens add none). Well above the real corpus: samples share phrases, a template.</source>
        <translation>从每个语料抽取 20,000 个词元，在其中词 4-gram 的所有出现中，该 4-gram 也出现在另一个样本中的占比（参照 Salkar et al. 2022）。每个语料、每次运行的预算相同；按出现次数计算，因此长样本得分不会更高（少于 4 个词元的样本不计入）。明显高于真实语料：样本之间共享短语，即存在模板。</translation>
    </message>
    <message>
        <source>Vendi score (n-gram)</source>
        <translation>Vendi 分数（n-gram）</translation>
    </message>
    <message>
        <source>Effective number of distinct passages among the same number (at most 500) of random 10-token windows for every corpus, under the n-gram kernel (cosine of unigram + bigram counts; Friedman &amp; Dieng 2023). Size- and length-controlled; falls as phrasing collapses.</source>
        <translation>在每个语料中随机抽取相同数量（至多 500 个）的 10 词元窗口，在 n-gram 核（一元组与二元组计数的余弦；Friedman &amp; Dieng 2023）下计算其中不同片段的有效数量。已控制规模和长度；措辞趋于单一时下降。</translation>
    </message>
    <message>
        <source>Distinct-1</source>
        <translation>Distinct-1</translation>
    </message>
    <message>
        <source>Distinct unigrams over all unigrams (Li et al. 2016). Lower than the real corpus at a similar size: the vocabulary is narrowing.</source>
        <translation>不同一元组数占全部一元组数的比例（Li et al. 2016）。在规模相近时低于真实语料：词汇正在变窄。</translation>
    </message>
    <message>
        <source>Distinct-2</source>
        <translation>Distinct-2</translation>
    </message>
    <message>
        <source>Distinct bigrams over all bigrams (Li et al. 2016). Falls when the same phrases are reused: a sign of template feel.</source>
        <translation>不同二元组数占全部二元组数的比例（Li et al. 2016）。重复使用相同短语时下降：这是模板化的迹象。</translation>
    </message>
    <message>
        <source>Distinct-3</source>
        <translation>Distinct-3</translation>
    </message>
    <message>
        <source>Distinct trigrams over all trigrams (Li et al. 2016). Like distinct-2, for longer phrases.</source>
        <translation>不同三元组数占全部三元组数的比例（Li et al. 2016）。与 distinct-2 类似，但针对更长的短语。</translation>
    </message>
    <message>
        <source>Exact-duplicate rate</source>
        <translation>完全重复率</translation>
    </message>
    <message>
        <source>Share of samples whose normalised text repeats an earlier sample. Above a few percent the generator is copying itself.</source>
        <translation>规范化后文本与之前某个样本相同的样本占比。高于百分之几时，说明生成器在复制自身。</translation>
    </message>
    <message>
        <source>Skeleton repetition rate</source>
        <translation>骨架重复率</translation>
    </message>
    <message>
        <source>Share of samples whose template skeleton (function words, punctuation, markup; content masked) is shared with another sample of the corpus. High: the same mould.</source>
        <translation>模板骨架（虚词、标点、标记；遮蔽实义内容）与本语料中另一样本相同的样本占比。偏高：出自同一个模子。</translation>
    </message>
    <message>
        <source>Top-10 skeleton share</source>
        <translation>前 10 骨架组占比</translation>
    </message>
    <message>
        <source>Share of samples in the corpus&apos;s ten largest skeleton groups. High: a few templates produce most of the data.</source>
        <translation>属于本语料最大的十个骨架组的样本占比。偏高：少数几个模板产出了大部分数据。</translation>
    </message>
    <message>
        <source>Template rate</source>
        <translation>模板率</translation>
    </message>
    <message>
        <source>Share of samples containing one of the corpus&apos;s 100 most frequent skeleton 6-grams (after Shaib et al. 2024). Compare with the real corpus.</source>
        <translation>包含本语料最常见的 100 个骨架 6-gram 之一的样本占比（参照 Shaib et al. 2024）。请与真实语料比较。</translation>
    </message>
    <message>
        <source>Templates per token</source>
        <translation>每词元模板数</translation>
    </message>
    <message>
        <source>Occurrences of the corpus&apos;s 100 most frequent skeleton 6-grams per skeleton token (Shaib et al. 2024). A per-token rate, so long texts do not score higher for their length, but samples under 6 skeleton tokens add none and the 100 patterns come from the whole corpus: compare corpora of similar size. Several times the real corpus&apos;s: the text is poured into a few moulds.</source>
        <translation>本语料最常见的 100 个骨架 6-gram 的出现次数除以骨架词元数（Shaib et al. 2024）。这是按词元计算的比率，因此长文本不会因长度而得分更高；但少于 6 个骨架词元的样本不计入，且这 100 个模式取自整个语料：请比较规模相近的语料。达到真实语料的数倍：文本被套进了少数几个模子。</translation>
    </message>
    <message>
        <source>Compression ratio</source>
        <translation>压缩率</translation>
    </message>
    <message>
        <source>Bytes over zlib-compressed bytes of the corpus (Shaib et al. 2024). Higher: more redundant text.</source>
        <translation>语料的字节数除以经 zlib 压缩后的字节数（Shaib et al. 2024）。越高：文本越冗余。</translation>
    </message>
    <message>
        <source>Self-BLEU</source>
        <translation>Self-BLEU</translation>
    </message>
    <message>
        <source>Mean BLEU-4 of each of 500 sampled samples against the others (Zhu et al. 2018). Higher: samples resemble each other.</source>
        <translation>抽取 500 个样本，每个样本相对其余样本的 BLEU-4 的平均值（Zhu et al. 2018）。越高：样本彼此越相似。</translation>
    </message>
    <message>
        <source>Repeated 4-gram rate</source>
        <translation>重复 4-gram 率</translation>
    </message>
    <message>
        <source>Mean share of repeated 4-grams within a sample (rep-4, Welleck et al. 2019). High: samples loop.</source>
        <translation>样本内重复 4-gram 所占比例的平均值（rep-4，Welleck et al. 2019）。偏高：样本在循环重复。</translation>
    </message>
    <message>
        <source>MTLD</source>
        <translation>MTLD</translation>
    </message>
    <message>
        <source>Measure of textual lexical diversity (McCarthy &amp; Jarvis 2010), independent of length. Lower: a narrower vocabulary in use.</source>
        <translation>文本词汇多样性度量（McCarthy &amp; Jarvis 2010），与长度无关。越低：实际使用的词汇越窄。</translation>
    </message>
    <message>
        <source>Median perplexity</source>
        <translation>困惑度中位数</translation>
    </message>
    <message>
        <source>Median per-sample perplexity under a trigram Kneser–Ney model of the real corpus (real: held-out samples). Much lower than real: text is more predictable than people&apos;s.</source>
        <translation>在基于真实语料的三元 Kneser–Ney 模型下，每个样本困惑度的中位数（真实语料使用留出样本）。远低于真实语料：文本比人写的更可预测。</translation>
    </message>
    <message>
        <source>Near-duplicate rate</source>
        <translation>近似重复率</translation>
    </message>
    <message>
        <source>Share of samples that would go if every near-duplicate group (MinHash over word 5-gram shingles, verified Jaccard ≥ 0.8; Broder 1997, Lee et al. 2022) kept one member of this corpus. Above a few percent: the generator repeats itself with small edits.</source>
        <translation>若每个近似重复组（基于词 5-gram shingle 的 MinHash，经验证 Jaccard ≥ 0.8；Broder 1997，Lee et al. 2022）在本语料中只保留一个成员，将被移除的样本占比。高于百分之几：生成器在稍作修改后重复自身。</translation>
    </message>
    <message>
        <source>NN-similarity ratio</source>
        <translation>最近邻相似率</translation>
    </message>
    <message>
        <source>Share of samples whose nearest other sample of the corpus has embedding cosine ≥ 0.95 (chapter 17, Listing 17-1). Rising across rounds: samples are converging on each other.</source>
        <translation>与本语料中最近的另一样本的嵌入余弦相似度 ≥ 0.95 的样本占比（第 17 章，代码清单 17-1）。随轮次上升：样本正在彼此趋同。</translation>
    </message>
    <message>
        <source>Mean NN similarity</source>
        <translation>平均最近邻相似度</translation>
    </message>
    <message>
        <source>Mean embedding cosine of each sample to its nearest other sample of the corpus. Compare with the real corpus: higher means a denser, more self-similar corpus.</source>
        <translation>每个样本与本语料中最近的另一样本的嵌入余弦相似度的平均值。请与真实语料比较：越高说明语料越密集、越自相似。</translation>
    </message>
    <message>
        <source>Exact duplicates vs real of equal length</source>
        <translation>完全重复（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>Exact-duplicate rate of up to 1,000 sampled synthetic samples over that of as many real samples of the same token lengths (one sample&apos;s worth of smoothing). 1: as repetitive as reality at these lengths; above 2–3: the generator repeats itself.</source>
        <translation>至多 1,000 个抽样合成样本的完全重复率，除以同等数量、词元长度相同的真实样本的完全重复率（以一个样本的量做平滑）。1：在这些长度上与真实数据同样重复；高于 2–3：生成器在重复自身。</translation>
    </message>
    <message>
        <source>Near duplicates vs real of equal length</source>
        <translation>近似重复（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>Near-duplicate rate of sampled synthetic samples over that of real samples of the same token lengths. Short answers coincide by chance; this lift does not mind.</source>
        <translation>抽样合成样本的近似重复率，除以词元长度相同的真实样本的近似重复率。短回答会偶然重合；这一提升倍数不受此影响。</translation>
    </message>
    <message>
        <source>Skeleton repetition vs real of equal length</source>
        <translation>骨架重复（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>Share of sampled synthetic samples sharing a skeleton with another, over the same share for real samples of the same token lengths. Above 2–3: one mould.</source>
        <translation>与另一样本共享骨架的抽样合成样本占比，除以词元长度相同的真实样本的同一占比。高于 2–3：出自同一个模子。</translation>
    </message>
    <message>
        <source>NN-similarity ratio vs real of equal length</source>
        <translation>最近邻相似率（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>NN-similarity ratio (cosine ≥ 0.95) within sampled synthetic samples over that within as many real samples of the same token lengths.</source>
        <translation>抽样合成样本内部的最近邻相似率（余弦 ≥ 0.95），除以同等数量、词元长度相同的真实样本内部的该比率。</translation>
    </message>
    <message>
        <source>Mean NN similarity vs real of equal length</source>
        <translation>平均最近邻相似度（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>Mean nearest-neighbour cosine within sampled synthetic samples over that within as many real samples of the same token lengths. Above 1: denser than reality.</source>
        <translation>抽样合成样本内部的平均最近邻余弦相似度，除以同等数量、词元长度相同的真实样本内部的该值。高于 1：比真实数据更密集。</translation>
    </message>
    <message>
        <source>Perplexity vs real of equal length</source>
        <translation>困惑度（相对同长度真实数据）</translation>
    </message>
    <message>
        <source>Median perplexity of the synthetic samples over that of held-out real samples of the same token lengths. Well below 1: more predictable than people at these lengths.</source>
        <translation>合成样本的困惑度中位数，除以词元长度相同的留出真实样本的困惑度中位数。远低于 1：在这些长度上比人写的更可预测。</translation>
    </message>
    <message>
        <source>Lengths without a real match</source>
        <translation>无真实匹配的长度</translation>
    </message>
    <message>
        <source>Share of sampled synthetic samples that found no unused real sample of the same token length: the real data lacks those lengths, or has fewer of them than the corpus. Above 0.5 no length-matched lift is given; read the measures free of length instead.</source>
        <translation>找不到词元长度相同且尚未使用的真实样本的抽样合成样本占比：真实数据缺少这些长度，或这些长度的样本比该语料少。高于 0.5 时不给出长度匹配的提升倍数；请改为参考与长度无关的指标。</translation>
    </message>
    <message>
        <source>Length-matched samples</source>
        <translation>长度匹配样本数</translation>
    </message>
    <message>
        <source>Synthetic samples per draw paired with a real sample of the same token length (at most 1,000): the sample size behind the length-matched lifts.</source>
        <translation>每次抽样中与词元长度相同的真实样本配对的合成样本数（至多 1,000）：即长度匹配提升倍数所依据的样本量。</translation>
    </message>
    <message>
        <source>Vendi score (embeddings)</source>
        <translation>Vendi 分数（嵌入）</translation>
    </message>
    <message>
        <source>Exp of the entropy of the cosine-kernel eigenvalues of the whole corpus&apos;s embeddings (Friedman &amp; Dieng 2023). Not size- or length-controlled: it rose across the collapse rounds while the vocabulary fell tenfold. Read Vendi score (n-gram) instead.</source>
        <translation>整个语料嵌入的余弦核特征值之熵的指数（Friedman &amp; Dieng 2023）。未控制规模和长度：在各坍缩轮次中，词汇量降至十分之一，它却在上升。请改看“Vendi 分数（n-gram）”。</translation>
    </message>
    <message>
        <source>Label entropy</source>
        <translation>标签熵</translation>
    </message>
    <message>
        <source>Shannon entropy of the label distribution. Falling across rounds: majority labels are taking over.</source>
        <translation>标签分布的香农熵。随轮次下降：多数标签正在占据主导。</translation>
    </message>
    <message>
        <source>JS divergence: length</source>
        <translation>JS 散度：长度</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence (base 2, 0 = same, 1 = disjoint) of the token-length histograms. Above ~0.1 the lengths differ visibly.</source>
        <translation>词元长度直方图的 Jensen–Shannon 散度（以 2 为底，0 = 相同，1 = 完全不重叠）。高于 ~0.1 时长度差异明显。</translation>
    </message>
    <message>
        <source>JS divergence: unigrams</source>
        <translation>JS 散度：一元组</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence of word frequencies. Higher means the two sides use different words; check the indicating words.</source>
        <translation>词频的 Jensen–Shannon 散度。越高说明两侧用词越不同；请查看标志词。</translation>
    </message>
    <message>
        <source>JS divergence: bigrams</source>
        <translation>JS 散度：二元组</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence of word-pair frequencies; reacts to phrasing and templates.</source>
        <translation>词对（二元组）频率的 Jensen–Shannon 散度；对措辞和模板敏感。</translation>
    </message>
    <message>
        <source>JS divergence: labels</source>
        <translation>JS 散度：标签</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence of the label distributions (when both sides have labels). High: the synthetic label mix does not match reality (majority amplification).</source>
        <translation>标签分布的 Jensen–Shannon 散度（两侧均有标签时）。偏高：合成数据的标签构成与真实数据不符（多数类放大）。</translation>
    </message>
    <message>
        <source>KS statistic: length</source>
        <translation>KS 统计量：长度</translation>
    </message>
    <message>
        <source>Two-sample Kolmogorov–Smirnov D on token lengths: the largest gap between the two cumulative distributions.</source>
        <translation>词元长度的双样本 Kolmogorov–Smirnov D 统计量：两个累积分布之间的最大差距。</translation>
    </message>
    <message>
        <source>Median perplexity: real held-out</source>
        <translation>困惑度中位数：真实留出集</translation>
    </message>
    <message>
        <source>Median perplexity of held-out real samples under the real-data language model: the baseline.</source>
        <translation>真实留出样本在真实数据语言模型下的困惑度中位数：即基线。</translation>
    </message>
    <message>
        <source>Median perplexity: synthetic</source>
        <translation>困惑度中位数：合成</translation>
    </message>
    <message>
        <source>Median perplexity of synthetic samples under the real-data model. Far below the baseline: templated; far above: off the real distribution.</source>
        <translation>合成样本在真实数据模型下的困惑度中位数。远低于基线：模板化；远高于基线：偏离真实分布。</translation>
    </message>
    <message>
        <source>Cross-corpus exact duplicates</source>
        <translation>跨语料完全重复</translation>
    </message>
    <message>
        <source>Synthetic samples whose normalised text equals a real sample&apos;s: copied, not generated (leakage or memorisation).</source>
        <translation>规范化文本与某个真实样本相同的合成样本：是复制而非生成（泄漏或记忆）。</translation>
    </message>
    <message>
        <source>Cross-corpus exact-duplicate rate</source>
        <translation>跨语料完全重复率</translation>
    </message>
    <message>
        <source>Share of synthetic samples of five or more tokens whose normalised text equals a real sample&apos;s: copied, not generated. Shorter samples are counted apart (short matches).</source>
        <translation>在五个及以上词元的合成样本中，规范化文本与某个真实样本相同的占比：是复制而非生成。更短的样本单独计数（短样本完全匹配）。</translation>
    </message>
    <message>
        <source>Cross-corpus near-duplicate rate</source>
        <translation>跨语料近似重复率</translation>
    </message>
    <message>
        <source>Share of synthetic samples of five or more tokens in a near-duplicate group with a real sample (MinHash, Jaccard ≥ 0.8). Above ~1%: the generator is paraphrasing its seeds too closely. Read it against the real-vs-real band: real data repeats itself too.</source>
        <translation>在五个及以上词元的合成样本中，与某个真实样本同属一个近似重复组（MinHash，Jaccard ≥ 0.8）的占比。高于约 1%：生成器对种子样本的改写过于贴近原文。请对照“真实 vs 真实”区间解读：真实数据本身也会重复。</translation>
    </message>
    <message>
        <source>Short exact matches</source>
        <translation>短样本完全匹配</translation>
    </message>
    <message>
        <source>Share of synthetic samples under five tokens (&quot;yes&quot;, a name) whose text equals a real sample&apos;s. Short answers coincide by chance; this is not counted as leakage.</source>
        <translation>少于五个词元的合成样本（如“yes”、一个名字）中，文本与某个真实样本相同的占比。短回答会偶然重合；这不计为泄漏。</translation>
    </message>
    <message>
        <source>Coverage: real by synthetic</source>
        <translation>覆盖率：合成覆盖真实</translation>
    </message>
    <message>
        <source>Coverage (Naeem et al. 2020): share of real samples whose 5-nearest-neighbour ball in embedding space holds a synthetic sample. The radius adapts to the real data, so the long tail counts. Falling: the synthetic data leaves parts of reality uncovered.</source>
        <translation>覆盖率（Naeem et al. 2020）：在嵌入空间中，其 5 最近邻（5-NN）球内含有合成样本的真实样本占比。球的半径随真实数据自适应，因此长尾也会计入。下降：合成数据未能覆盖真实数据的某些部分。</translation>
    </message>
    <message>
        <source>Coverage: synthetic by real</source>
        <translation>覆盖率：真实覆盖合成</translation>
    </message>
    <message>
        <source>Coverage with the roles swapped: share of synthetic samples whose 5-NN ball among the synthetic samples holds a real sample. Low: much of the synthetic data is not grounded in anything real.</source>
        <translation>角色互换后的覆盖率：其 5-NN 球（在合成样本之间求得）内含有真实样本的合成样本占比。偏低：大量合成数据在真实数据中找不到依据。</translation>
    </message>
    <message>
        <source>Precision (k-NN)</source>
        <translation>精确率（k-NN）</translation>
    </message>
    <message>
        <source>Improved precision (Kynkäänniemi et al. 2019): share of synthetic samples inside the 5-NN ball of some real sample. Low: synthetic samples fall outside reality.</source>
        <translation>改进的精确率（Kynkäänniemi et al. 2019）：落在某个真实样本的 5-NN 球内的合成样本占比。偏低：合成样本落在真实数据之外。</translation>
    </message>
    <message>
        <source>Recall (k-NN)</source>
        <translation>召回率（k-NN）</translation>
    </message>
    <message>
        <source>Improved recall (Kynkäänniemi et al. 2019): share of real samples inside the 5-NN ball of some synthetic sample. Falling: the synthetic data no longer spans reality.</source>
        <translation>改进的召回率（Kynkäänniemi et al. 2019）：落在某个合成样本的 5-NN 球内的真实样本占比。下降：合成数据已不再覆盖真实数据的范围。</translation>
    </message>
    <message>
        <source>Density (k-NN)</source>
        <translation>密度（k-NN）</translation>
    </message>
    <message>
        <source>Density (Naeem et al. 2020): how many real 5-NN balls hold a synthetic sample, over 5; about 1 when the sides match, above 1 when synthetic samples crowd into the common regions.</source>
        <translation>密度（Naeem et al. 2020）：合成样本平均落入多少个真实样本的 5-NN 球，再除以 5；两侧分布一致时约为 1，合成样本扎堆于常见区域时高于 1。</translation>
    </message>
    <message>
        <source>Label entropy change</source>
        <translation>标签熵变化</translation>
    </message>
    <message>
        <source>Label entropy of the synthetic side minus the real side&apos;s. Negative: the label mix is more concentrated than reality (majority amplification, Das et al. 2024).</source>
        <translation>合成侧的标签熵减去真实侧的标签熵。为负：标签构成比真实数据更集中（多数类放大，Das et al. 2024）。</translation>
    </message>
    <message>
        <source>Perplexity gap |log ratio|</source>
        <translation>困惑度差距 |对数比|</translation>
    </message>
    <message>
        <source>|ln(median synthetic perplexity / median real held-out perplexity)| under the real-data language model. Large: the text is far more (or less) predictable than people&apos;s.</source>
        <translation>在真实数据语言模型下的 |ln(合成困惑度中位数 / 真实留出集困惑度中位数)|。偏大：文本的可预测性远高于（或远低于）人类文本。</translation>
    </message>
    <message>
        <source>MAUVE</source>
        <translation>MAUVE</translation>
    </message>
    <message>
        <source>Area under the divergence frontier of real vs synthetic embedding clusters (Pillutla et al. 2021), 0–1, 1 = same distribution. Computed on Synthscope&apos;s embeddings, so compare values only within Synthscope.</source>
        <translation>真实与合成嵌入簇之间散度前沿下的面积（Pillutla et al. 2021），取值 0–1，1 = 分布相同。基于 Synthscope 的嵌入计算，因此只应在 Synthscope 内部比较数值。</translation>
    </message>
    <message>
        <source>Detectability ROC-AUC</source>
        <translation>可检测性 ROC-AUC</translation>
    </message>
    <message>
        <source>How well a cross-validated logistic regression on the embeddings tells synthetic from real (0.5 = cannot, 1 = always). Near 1: synthetic data is easy to spot; it does not look like reality.</source>
        <translation>基于嵌入、经交叉验证的逻辑回归区分合成与真实的能力（0.5 = 无法区分，1 = 总能区分）。接近 1：合成数据很容易被识别，看起来不像真实数据。</translation>
    </message>
    <message>
        <source>JS divergence: cluster shares</source>
        <translation>JS 散度：簇占比</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence of how real and synthetic samples spread over the k-means clusters. High: the two sides occupy different regions (template factories, uncovered tails).</source>
        <translation>真实样本与合成样本在各 k-means 簇上分布的 Jensen–Shannon 散度。偏高：两侧占据不同区域（模板工厂、未覆盖的长尾）。</translation>
    </message>
    <message>
        <source>Real samples</source>
        <translation>真实样本</translation>
    </message>
    <message>
        <source>Samples on the real side (all real corpora).</source>
        <translation>真实侧的样本（全部真实语料）。</translation>
    </message>
    <message>
        <source>Synthetic samples</source>
        <translation>合成样本</translation>
    </message>
    <message>
        <source>Samples on the synthetic side (all synthetic corpora).</source>
        <translation>合成侧的样本（全部合成语料）。</translation>
    </message>
    <message>
        <source>Largest generator&apos;s share</source>
        <translation>最大生成器的占比</translation>
    </message>
    <message>
        <source>Share of the synthetic samples written by the most used generator (chapter 17, Table 17-3: single source dominates). Near 1 round after round: one source defines the synthetic side. Samples without a recorded generator are not counted.</source>
        <translation>来自使用最多的生成器的合成样本占比（第 17 章，表 17-3：单一来源主导）。连续多个轮次接近 1：单一来源决定了合成侧。未记录生成器的样本不计入。</translation>
    </message>
    <message>
        <source>Evenness over generators</source>
        <translation>生成器均匀度</translation>
    </message>
    <message>
        <source>Normalised Shannon entropy of the synthetic samples&apos; generators: 1 = used evenly, 0 = one generator. Relative to the number present: read it with the count of generators.</source>
        <translation>合成样本所用生成器的归一化 香农熵：1 = 均匀使用，0 = 仅一个生成器。该值相对于实际出现的生成器数量：请结合生成器个数解读。</translation>
    </message>
    <message>
        <source>Distinct generators</source>
        <translation>不同生成器数</translation>
    </message>
    <message>
        <source>Distinct generators recorded on the synthetic samples.</source>
        <translation>合成样本上记录的不同生成器的数量。</translation>
    </message>
    <message>
        <source>Largest template version&apos;s share</source>
        <translation>最大模板版本的占比</translation>
    </message>
    <message>
        <source>Share of the synthetic samples written by the most used template version (chapter 17, Table 17-3: single source dominates). Near 1 round after round: one source defines the synthetic side. Samples without a recorded template version are not counted.</source>
        <translation>来自使用最多的模板版本的合成样本占比（第 17 章，表 17-3：单一来源主导）。连续多个轮次接近 1：单一来源决定了合成侧。未记录模板版本的样本不计入。</translation>
    </message>
    <message>
        <source>Evenness over template versions</source>
        <translation>模板版本均匀度</translation>
    </message>
    <message>
        <source>Normalised Shannon entropy of the synthetic samples&apos; template versions: 1 = used evenly, 0 = one template version. Relative to the number present: read it with the count of template versions.</source>
        <translation>合成样本所用模板版本的归一化 香农熵：1 = 均匀使用，0 = 仅一个模板版本。该值相对于实际出现的模板版本数量：请结合模板版本个数解读。</translation>
    </message>
    <message>
        <source>Distinct template versions</source>
        <translation>不同模板版本数</translation>
    </message>
    <message>
        <source>Distinct template versions recorded on the synthetic samples.</source>
        <translation>合成样本上记录的不同模板版本的数量。</translation>
    </message>
    <message>
        <source>Largest judge version&apos;s share</source>
        <translation>最大评判模型版本的占比</translation>
    </message>
    <message>
        <source>Share of the synthetic samples written by the most used judge version (chapter 17, Table 17-3: single source dominates). Near 1 round after round: one source defines the synthetic side. Samples without a recorded judge version are not counted.</source>
        <translation>来自使用最多的评判模型版本的合成样本占比（第 17 章，表 17-3：单一来源主导）。连续多个轮次接近 1：单一来源决定了合成侧。未记录评判模型版本的样本不计入。</translation>
    </message>
    <message>
        <source>Evenness over judge versions</source>
        <translation>评判模型版本均匀度</translation>
    </message>
    <message>
        <source>Normalised Shannon entropy of the synthetic samples&apos; judge versions: 1 = used evenly, 0 = one judge version. Relative to the number present: read it with the count of judge versions.</source>
        <translation>合成样本所用评判模型版本的归一化 香农熵：1 = 均匀使用，0 = 仅一个评判模型版本。该值相对于实际出现的评判模型版本数量：请结合评判模型版本个数解读。</translation>
    </message>
    <message>
        <source>Distinct judge versions</source>
        <translation>不同评判模型版本数</translation>
    </message>
    <message>
        <source>Distinct judge versions recorded on the synthetic samples.</source>
        <translation>合成样本上记录的不同评判模型版本的数量。</translation>
    </message>
    <message>
        <source>Judged pairs</source>
        <translation>已评判的偏好对</translation>
    </message>
    <message>
        <source>Preference pairs with a verdict.</source>
        <translation>有判定的偏好对。</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Share of judged pairs where the judge preferred the second output, ties counting half (AlpacaEval&apos;s win rate). Mixes quality with everything the judge rewards, length included.</source>
        <translation>评判模型偏好第二个输出的已评判偏好对占比，平局计为一半（AlpacaEval 的胜率）。其中混杂了质量以及评判模型所奖励的一切因素，包括长度。</translation>
    </message>
    <message>
        <source>Longer output wins</source>
        <translation>较长输出获胜</translation>
    </message>
    <message>
        <source>Among decisive pairs whose outputs differ in length, the share won by the longer one. The raw figure: it counts quality that comes with length as bias.</source>
        <translation>在分出胜负且两个输出长度不同的偏好对中，较长输出获胜的占比。这是原始值：随长度而来的质量提升也被算作偏差。</translation>
    </message>
    <message>
        <source>Length-controlled win rate</source>
        <translation>长度控制胜率</translation>
    </message>
    <message>
        <source>The win rate a logistic model of the verdicts predicts had both outputs had the same length (Dubois et al. 2024). Far below the win rate: the second output wins on length, not on quality.</source>
        <translation>以判定结果拟合的逻辑回归模型所预测的、两个输出长度相同时的胜率（Dubois et al. 2024）。远低于胜率：第二个输出靠长度而非质量取胜。</translation>
    </message>
    <message>
        <source>Judge length preference</source>
        <translation>评判模型长度偏好</translation>
    </message>
    <message>
        <source>How often, between outputs of equal quality, the judge prefers the one 100 tokens longer (from the same model). 0.5: length does not sway the judge; above 0.7 (the default red line) a filter built on this judge keeps the verbose. Quality that comes with length counts as bias, so where quality rises with length this overstates it.</source>
        <translation>在质量相当的两个输出（来自同一模型）之间，评判模型偏好较长 100 个词元的那个的频率。0.5：长度不影响评判模型；高于 0.7（默认红线）时，基于该评判模型的过滤器会保留冗长的输出。随长度而来的质量提升也被算作偏差，因此在质量随长度提高的情况下，该值会偏高。</translation>
    </message>
    <message>
        <source>Length coefficient</source>
        <translation>长度系数</translation>
    </message>
    <message>
        <source>Coefficient of tanh(standardised length difference) in the verdict&apos;s logit: 0 when the judge ignores length.</source>
        <translation>判定 logit 中 tanh(标准化长度差) 的系数：评判模型忽略长度时为 0。</translation>
    </message>
    <message>
        <source>Length difference, standard deviation</source>
        <translation>长度差的标准差</translation>
    </message>
    <message>
        <source>Standard deviation of the second output&apos;s length minus the first&apos;s: the scale of the length preference.</source>
        <translation>第二个输出的长度减去第一个输出的长度，其标准差：即长度偏好的尺度。</translation>
    </message>
    <message>
        <source>Mean length, first output</source>
        <translation>第一个输出的平均长度</translation>
    </message>
    <message>
        <source>Mean tokens of the first outputs of the judged pairs.</source>
        <translation>已评判偏好对中第一个输出的平均词元数。</translation>
    </message>
    <message>
        <source>Mean length, second output</source>
        <translation>第二个输出的平均长度</translation>
    </message>
    <message>
        <source>Mean tokens of the second outputs of the judged pairs.</source>
        <translation>已评判偏好对中第二个输出的平均词元数。</translation>
    </message>
    <message>
        <source>Distinct-2 of what was kept</source>
        <translation>保留输出的 Distinct-2</translation>
    </message>
    <message>
        <source>Distinct bigrams over bigrams in the preferred outputs, on the same token budget as what was offered. Below the offered value: filtering by this judge narrows the data.</source>
        <translation>被偏好输出中不同二元组数与二元组总数之比，在与候选输出相同的词元预算下计算。低于候选输出的值：按该评判模型过滤会使数据变窄。</translation>
    </message>
    <message>
        <source>Distinct-2 of what was offered</source>
        <translation>候选输出的 Distinct-2</translation>
    </message>
    <message>
        <source>Distinct bigrams over bigrams in both outputs of the decisive pairs, on the kept outputs&apos; token budget.</source>
        <translation>分出胜负的偏好对中两个输出的不同二元组数与二元组总数之比，在保留输出的词元预算下计算。</translation>
    </message>
    <message>
        <source>N-gram Vendi score of what was kept</source>
        <translation>保留输出的 N-gram Vendi 分数</translation>
    </message>
    <message>
        <source>Effective number of distinct 10-token windows among the preferred outputs (Friedman &amp; Dieng 2023), on the same sample count as what was offered.</source>
        <translation>被偏好输出中不同 10 词元窗口的有效数量（Friedman &amp; Dieng 2023），在与候选输出相同的样本数下计算。</translation>
    </message>
    <message>
        <source>N-gram Vendi score of what was offered</source>
        <translation>候选输出的 N-gram Vendi 分数</translation>
    </message>
    <message>
        <source>Effective number of distinct 10-token windows among both outputs of the decisive pairs.</source>
        <translation>分出胜负的偏好对中两个输出里不同 10 词元窗口的有效数量。</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>bits</source>
        <translation>比特</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>synthscope::model::MetricsTableModel</name>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Pooled: all real vs all synthetic</source>
        <translation>合并：全部真实 vs 全部合成</translation>
    </message>
    <message>
        <source>real corpus</source>
        <translation>真实语料</translation>
    </message>
    <message>
        <source>synthetic corpus</source>
        <translation>合成语料</translation>
    </message>
</context>
<context>
    <name>synthscope::model::NeighboursModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>synthscope::model::NotesModel</name>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>match</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>single</source>
        <translation>单条</translation>
    </message>
    <message>
        <source>group %1 (%2 notes)</source>
        <translation>第 %1 组（%2 条备注）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Project</name>
    <message>
        <source>cannot read the analysis runs: %1</source>
        <translation>无法读取分析运行：%1</translation>
    </message>
    <message>
        <source>%1: no such project file</source>
        <translation>%1：项目文件不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not a project file</source>
        <translation>%1 是文件夹，不是项目文件</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket)</source>
        <translation>%1 不是常规文件（而是设备、管道或套接字）</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>%1 无法读取：权限被拒绝</translation>
    </message>
    <message>
        <source>%1: the folder does not exist</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1 is empty, not a Synthscope project</source>
        <translation>%1 为空，不是 Synthscope 项目</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>its folder</source>
        <translation>其所在文件夹</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1 is not a Synthscope project (not an SQLite database)</source>
        <translation>%1 不是 Synthscope 项目（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another application, not a Synthscope project</source>
        <translation>%1 是其他应用程序的 SQLite 数据库，不是 Synthscope 项目</translation>
    </message>
    <message>
        <source>%1 is an empty SQLite database, not a Synthscope project</source>
        <translation>%1 是空的 SQLite 数据库，不是 Synthscope 项目</translation>
    </message>
    <message>
        <source>%1: cannot create project: %2</source>
        <translation>%1：无法创建项目：%2</translation>
    </message>
    <message>
        <source>%1: cannot switch to WAL: %2</source>
        <translation>%1：无法切换到 WAL 模式：%2</translation>
    </message>
    <message>
        <source>%1 is a damaged Synthscope project: %2</source>
        <translation>%1 是已损坏的 Synthscope 项目：%2</translation>
    </message>
    <message>
        <source>%1 is read-only (%2 cannot be written; SQLite keeps its journal beside the file): summary, gate, report, export, trend and rejects still read it; copy it to a writable folder to change it</source>
        <translation>%1 为只读（无法写入 %2；SQLite 会在该文件旁保存其日志）：summary、gate、report、export、trend 和 rejects 仍可读取它；如需修改，请将其复制到可写的文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be read here: its folder is read-only and it holds changes not yet merged into the file (%2); open it once in a writable folder, or copy the file with its -wal beside it</source>
        <translation>无法在此读取 %1：其所在文件夹为只读，且它包含尚未合并到文件中的更改（%2）；请在可写的文件夹中打开它一次，或将该文件连同旁边的 -wal 文件一起复制</translation>
    </message>
    <message>
        <source>%1 was written by an older Synthscope (schema %2, this one writes %3) and is opened read-only, so it cannot be upgraded: open it once for writing (the workbench, or synthscope-cli analyze)</source>
        <translation>%1 由较旧版本的 Synthscope 写入（架构版本 %2，本版本写入 %3），且以只读方式打开，因此无法升级：请以可写方式打开它一次（使用工作台，或 synthscope-cli analyze）</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ProjectDocument</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Wait for the running export, report, layout or concept to finish before switching what is analysed: it reads the current view&apos;s results.</source>
        <translation>请等待正在运行的导出、报告、布局或概念任务完成后再切换分析对象：这些任务读取的是当前视图的结果。</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Whole texts</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>The newest analysis can be read: there is nothing to drop.</source>
        <translation>最新一次分析可以读取：无需删除。</translation>
    </message>
    <message>
        <source>Wait for the running job to finish.</source>
        <translation>请等待正在运行的任务完成。</translation>
    </message>
    <message>
        <source>wait for the running import or analysis to finish</source>
        <translation>请等待正在运行的导入或分析完成</translation>
    </message>
    <message>
        <source>Undo or redo of a corpus edit</source>
        <translation>撤销或重做语料编辑</translation>
    </message>
    <message>
        <source>Not done, and dropped from the undo history: %1</source>
        <translation>未执行，并已从撤销历史中移除：%1</translation>
    </message>
    <message>
        <source>Wait for the running import or analysis to finish.</source>
        <translation>请等待正在运行的导入或分析完成。</translation>
    </message>
    <message>
        <source>Remove corpus “%1”</source>
        <translation>移除语料“%1”</translation>
    </message>
    <message>
        <source>Corpus “%1” removed; run the analyses again (Ctrl+R).</source>
        <translation>语料“%1”已移除；请重新运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>%1 rows read: %2 stored, %3 rejected.</source>
        <translation>已读取 %1 行：保存 %2 行，拒收 %3 行。</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Analyse %1</source>
        <translation>分析%1</translation>
    </message>
    <message>
        <source>Analyses are up to date.</source>
        <translation>分析结果已是最新。</translation>
    </message>
    <message>
        <source>The %1 are analysed.</source>
        <translation>%1已分析完成。</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Embeddings &quot;%1&quot; stored; the analyses of whole texts now use them.</source>
        <translation>嵌入“%1”已保存；全文分析现在将使用它。</translation>
    </message>
    <message>
        <source>Neighbour layout</source>
        <translation>近邻布局</translation>
    </message>
    <message>
        <source>The neighbour layout is ready on the map.</source>
        <translation>近邻布局已在簇图上就绪。</translation>
    </message>
    <message>
        <source>Write the report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>Train a concept</source>
        <translation>训练概念</translation>
    </message>
    <message>
        <source>“%1”: %2 samples ranked.</source>
        <translation>“%1”：已对 %2 个样本排序。</translation>
    </message>
    <message>
        <source>Load the cluster map</source>
        <translation>加载簇图</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 samples (%2 records) written to %3 (manifest: %4).</source>
        <translation>已将 %1 个样本（%2 条记录）写入 %3（清单：%4）。</translation>
    </message>
    <message>
        <source>Find similar samples</source>
        <translation>查找相似样本</translation>
    </message>
    <message>
        <source>No sample shares a word with “%1”.</source>
        <translation>没有样本与“%1”有共同的词。</translation>
    </message>
    <message>
        <source>No sample is similar to “%1” by the embeddings “%2”.</source>
        <translation>按嵌入“%2”，没有与“%1”相似的样本。</translation>
    </message>
    <message>
        <source>%1 samples ranked by similarity to “%2” (embeddings “%3”, from their endpoint).</source>
        <translation>已按与“%2”的相似度为 %1 个样本排序（嵌入“%3”，经其端点计算）。</translation>
    </message>
    <message>
        <source>The built-in embedding was used: “%1” holds imported vectors, which cannot embed a typed text.</source>
        <translation>使用了内置嵌入：“%1”中是导入的向量，无法嵌入输入的文本。</translation>
    </message>
    <message>
        <source>%1 samples ranked by similarity to “%2” (the built-in TF-IDF and SVD embedding).</source>
        <translation>已按与“%2”的相似度为 %1 个样本排序（内置的 TF-IDF 与 SVD 嵌入）。</translation>
    </message>
    <message>
        <source>No stored record has the duplicate-cluster field “%1”: no id was imported.</source>
        <translation>没有已存储的记录含有重复簇字段“%1”：未导入任何 id。</translation>
    </message>
    <message numerus="yes">
        <source>%n samples carry a duplicate-cluster id.</source>
        <translation>
            <numerusform>%n 个样本带有重复簇 id。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample a queue</source>
        <translation>抽取审阅队列</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n samples.</source>
        <translation>
            <numerusform>“%1”：%n 个样本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Judge the red lines</source>
        <translation>判定红线</translation>
    </message>
    <message>
        <source>%1 Saved for %2, who drew it: the reviewer name changed while it was drawn.</source>
        <translation>%1 已为抽取它的审阅者 %2 保存：抽取期间审阅者名称已更改。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ProjectStore</name>
    <message>
        <source>there is no analysis run %1</source>
        <translation>不存在分析运行 %1</translation>
    </message>
    <message>
        <source>analysis run %1 was written by a newer Synthscope (result format %2, this version reads up to %3); open the project with that version or run the analyses again</source>
        <translation>分析运行 %1 由较新版本的 Synthscope 写入（结果格式 %2，本版本最高可读取 %3）；请使用该版本打开项目，或重新运行分析</translation>
    </message>
    <message>
        <source>the stored result of analysis run %1 cannot be read (%2); run the analyses again to replace it</source>
        <translation>无法读取分析运行 %1 的已存储结果（%2）；请重新运行分析以替换它</translation>
    </message>
</context>
<context>
    <name>synthscope::model::RecurringTemplateModel</name>
    <message>
        <source>Template (skeleton 6-gram)</source>
        <translation>模板（骨架 6-gram）</translation>
    </message>
    <message>
        <source>%1
⏎ line break · &lt;LI&gt; list item · &lt;W&gt; word · &lt;NAME&gt; name · &lt;NUM&gt; number · &lt;URL&gt; link · &lt;@&gt; handle</source>
        <translation>%1
⏎ 换行 · &lt;LI&gt; 列表项 · &lt;W&gt; 单词 · &lt;NAME&gt; 名称 · &lt;NUM&gt; 数字 · &lt;URL&gt; 链接 · &lt;@&gt; 用户名</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
</context>
<context>
    <name>synthscope::model::RedLines</name>
    <message>
        <source>Synthetic ratio cap</source>
        <translation>合成占比上限</translation>
    </message>
    <message>
        <source>Ratio control</source>
        <translation>比例控制</translation>
    </message>
    <message>
        <source>infuse real data</source>
        <translation>补充真实数据</translation>
    </message>
    <message>
        <source>Near-duplicate rate of each synthetic corpus over real text of the same lengths</source>
        <translation>各合成语料的近似重复率与同长度真实文本之比</translation>
    </message>
    <message>
        <source>Repetition and similarity</source>
        <translation>重复与相似</translation>
    </message>
    <message>
        <source>revise template</source>
        <translation>修订模板</translation>
    </message>
    <message>
        <source>Synthetic rows that near-copy a real row</source>
        <translation>近似照抄真实行的合成行</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>NN-similarity ratio (cosine ≥ 0.95) of each synthetic corpus over real text of the same lengths</source>
        <translation>各合成语料的最近邻相似率（余弦 ≥ 0.95）与同长度真实文本之比</translation>
    </message>
    <message>
        <source>raise inspection rate</source>
        <translation>提高抽检率</translation>
    </message>
    <message>
        <source>Skeleton repetition of each synthetic corpus over real text of the same lengths</source>
        <translation>各合成语料的骨架重复率与同长度真实文本之比</translation>
    </message>
    <message>
        <source>Shared 4-grams of each synthetic corpus (self-repetition at equal tokens; real tweets ≈ 0.07)</source>
        <translation>各合成语料的共享 4-gram（等词元下的自重复；真实推文 ≈ 0.07）</translation>
    </message>
    <message>
        <source>JS divergence of word frequencies</source>
        <translation>词频的 JS 散度</translation>
    </message>
    <message>
        <source>Sample distribution</source>
        <translation>样本分布</translation>
    </message>
    <message>
        <source>JS divergence of lengths</source>
        <translation>长度的 JS 散度</translation>
    </message>
    <message>
        <source>Detectability ROC-AUC</source>
        <translation>可检测性 ROC-AUC</translation>
    </message>
    <message>
        <source>MAUVE of each synthetic corpus (shared clusters; real vs real ≈ 0.98)</source>
        <translation>各合成语料的 MAUVE（共享簇；真实对真实 ≈ 0.98）</translation>
    </message>
    <message>
        <source>Real samples whose 5-NN ball holds a synthetic sample (real vs real ≈ 0.96)</source>
        <translation>5-NN 球内含有合成样本的真实样本占比（真实对真实 ≈ 0.96）</translation>
    </message>
    <message>
        <source>Label-distribution divergence (majority amplification)</source>
        <translation>标签分布散度（多数类放大）</translation>
    </message>
    <message>
        <source>freeze template</source>
        <translation>冻结模板</translation>
    </message>
    <message>
        <source>Template-feel tag rate among reviewed synthetic samples</source>
        <translation>已审阅合成样本中“模板化”标签的比率</translation>
    </message>
    <message>
        <source>Manual review</source>
        <translation>人工审阅</translation>
    </message>
    <message>
        <source>Perplexity gap, synthetic vs real held-out (|log ratio|)</source>
        <translation>困惑度差距：合成对比真实留出集（|对数比|）</translation>
    </message>
    <message>
        <source>Training metrics</source>
        <translation>训练指标</translation>
    </message>
    <message>
        <source>NN-similarity ratio over real text of the same lengths rising over the last 3 analyses</source>
        <translation>最近邻相似率（相对同长度真实文本）在最近 3 次分析中持续上升</translation>
    </message>
    <message>
        <source>One generator writes over 90 % of each of the last 3 rounds</source>
        <translation>单一生成器在最近 3 个轮次的每一轮中均产出超过 90 % 的数据</translation>
    </message>
    <message>
        <source>diversify teachers</source>
        <translation>增加教师模型的多样性</translation>
    </message>
    <message>
        <source>One template version writes over 90 % of each of the last 3 rounds</source>
        <translation>单一模板版本在最近 3 个轮次的每一轮中均产出超过 90 % 的数据</translation>
    </message>
    <message>
        <source>diversify templates</source>
        <translation>增加模板的多样性</translation>
    </message>
    <message>
        <source>One judge version filters over 90 % of each of the last 3 rounds</source>
        <translation>单一评判模型版本在最近 3 个轮次的每一轮中均过滤了超过 90 % 的数据</translation>
    </message>
    <message>
        <source>diversify judges</source>
        <translation>增加评判模型的多样性</translation>
    </message>
    <message>
        <source>Reviewed share of the newest generator&apos;s samples (at least 1 % and 50)</source>
        <translation>最新生成器样本的已审阅占比（至少 1 % 且不少于 50 个）</translation>
    </message>
    <message>
        <source>Reviewed share of the newest template version&apos;s samples (at least 1 % and 50)</source>
        <translation>最新模板版本样本的已审阅占比（至少 1 % 且不少于 50 个）</translation>
    </message>
    <message>
        <source>Reviewed share of the newest judge version&apos;s samples (at least 1 % and 50)</source>
        <translation>最新评判模型版本样本的已审阅占比（至少 1 % 且不少于 50 个）</translation>
    </message>
    <message>
        <source>Judge length bias: how often the judge prefers the output 100 tokens longer at equal quality (0.5: length does not sway it)</source>
        <translation>评判模型长度偏差：质量相当时，评判模型偏好长 100 个词元的输出的频率（0.5：长度不影响判定）</translation>
    </message>
    <message>
        <source>Judge filtering</source>
        <translation>评判过滤</translation>
    </message>
    <message>
        <source>revise judge rubric</source>
        <translation>修订评判准则</translation>
    </message>
</context>
<context>
    <name>synthscope::model::RedLinesModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> (fail rule)</source>
        <translation> （失败级规则）</translation>
    </message>
    <message>
        <source>Red line · dimension</source>
        <translation>红线 · 维度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Passes when</source>
        <translation>通过条件</translation>
    </message>
    <message>
        <source>Action when tripped</source>
        <translation>触发时的措施</translation>
    </message>
    <message>
        <source>Evidence (double-click to open)</source>
        <translation>证据（双击打开）</translation>
    </message>
</context>
<context>
    <name>synthscope::model::RejectsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Report</name>
    <message>
        <source>tokens per sample</source>
        <translation>每个样本的词元数</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Not analysed yet: run the analyses before writing a report.</source>
        <translation>尚未分析：请先运行分析，再生成报告。</translation>
    </message>
    <message>
        <source>Synthscope report — %1</source>
        <translation>Synthscope 报告 — %1</translation>
    </message>
    <message>
        <source> · &lt;b&gt;%1 only&lt;/b&gt; (the %2 view: corpora without %2 are not in it)</source>
        <translation> · &lt;b&gt;仅%1&lt;/b&gt;（%2视图：不含%2的语料不在其中）</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回复</translation>
    </message>
    <message>
        <source> · &lt;b&gt;stale: corpora changed after this run&lt;/b&gt;</source>
        <translation> · &lt;b&gt;已过期：本次运行后语料已更改&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Gate and checklist</source>
        <translation>门禁与检查清单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Passes when</source>
        <translation>通过条件</translation>
    </message>
    <message>
        <source>Action when tripped</source>
        <translation>触发时的措施</translation>
    </message>
    <message>
        <source>Corpora</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>拒收行</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Real versus synthetic</source>
        <translation>真实与合成对比</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Length distribution (share of samples per bin)</source>
        <translation>长度分布（各区间的样本占比）</translation>
    </message>
    <message>
        <source>Needs a real and a synthetic corpus.</source>
        <translation>需要一个真实语料和一个合成语料。</translation>
    </message>
    <message>
        <source>Each synthetic corpus against reality</source>
        <translation>各合成语料与现实的对比</translation>
    </message>
    <message>
        <source>On equal samples per side; below each value, the band of real against real at the same size (mean ± 3 sd). &lt;b&gt;Bold&lt;/b&gt;: outside the band.</source>
        <translation>两侧样本数相同；每个值下方是相同规模下“真实 vs 真实”的区间（均值 ± 3 sd）。&lt;b&gt;粗体&lt;/b&gt;：超出该区间。</translation>
    </message>
    <message>
        <source>Repetition against real text of the same lengths</source>
        <translation>与相同长度真实文本相比的重复程度</translation>
    </message>
    <message>
        <source>Each rate of sampled synthetic samples over the rate of as many real samples with the same token lengths; 1× = as repetitive as reality. &lt;b&gt;Bold&lt;/b&gt;: at least %1×. A dash: not measured (too few of the corpus&apos;s lengths occur in the real data, or no embeddings or perplexities).</source>
        <translation>每项为抽样合成样本的比率除以相同数量、相同词元长度的真实样本的比率；1× 表示与现实同样重复。&lt;b&gt;粗体&lt;/b&gt;：至少 %1×。短横线：未测量（该语料的长度在真实数据中出现过少，或缺少嵌入或困惑度）。</translation>
    </message>
    <message>
        <source>Raw measures (depend on corpus size or text length)</source>
        <translation>原始指标（受语料规模或文本长度影响）</translation>
    </message>
    <message>
        <source>Per-corpus metrics</source>
        <translation>各语料指标</translation>
    </message>
    <message>
        <source>What the judge kept</source>
        <translation>评判模型保留了什么</translation>
    </message>
    <message>
        <source>Corpora of preference pairs: how often the judge preferred the second output, raw and at equal length (Dubois et al. 2024), and how much length sways it.</source>
        <translation>偏好对语料：评判模型偏好第二个输出的频率（原始值及等长条件下的值，Dubois et al. 2024），以及长度对其影响的程度。</translation>
    </message>
    <message>
        <source>Trends across rounds</source>
        <translation>各轮次趋势</translation>
    </message>
    <message>
        <source>%1 by round</source>
        <translation>%1（按轮次）</translation>
    </message>
    <message>
        <source>Sources of the synthetic side</source>
        <translation>合成侧的来源</translation>
    </message>
    <message>
        <source>Per generator, template version and judge version: the share of the largest source overall and in each round (bold above 0.9), and how evenly the sources are used (1 = evenly, 0 = one source).</source>
        <translation>按生成器、模板版本和评判模型版本统计：最大来源在总体及各轮次中的占比（超过 0.9 时加粗），以及各来源的使用均匀程度（1 = 均匀，0 = 单一来源）。</translation>
    </message>
    <message>
        <source>Largest %1&apos;s share by round</source>
        <translation>各轮次中最大%1的占比</translation>
    </message>
    <message>
        <source>Review of each source</source>
        <translation>各来源的审阅</translation>
    </message>
    <message>
        <source>Synthetic samples answered by a reviewer, per source; the newest source of each kind (bold) must be read before the gate passes.</source>
        <translation>按来源统计已有审阅人作答的合成样本；门禁通过前，每类中最新的来源（粗体）必须经过审阅。</translation>
    </message>
    <message>
        <source>Human review</source>
        <translation>人工审阅</translation>
    </message>
    <message>
        <source>No reviewer has answered yet.</source>
        <translation>尚无审阅人作答。</translation>
    </message>
    <message>
        <source>Reviewers: %1.</source>
        <translation>审阅人：%1。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Shared samples</source>
        <translation>共同样本</translation>
    </message>
    <message>
        <source>Observed agreement</source>
        <translation>观测一致性</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen&apos;s κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff&apos;s α</translation>
    </message>
    <message>
        <source>Tag rates by corpus</source>
        <translation>各语料的标签比率</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Recurring notes</source>
        <translation>反复出现的备注</translation>
    </message>
    <message>
        <source>Sample excerpts</source>
        <translation>样本摘录</translation>
    </message>
    <message>
        <source>Most synthetic-looking (detectability model)</source>
        <translation>最像合成的样本（可检测性模型）</translation>
    </message>
    <message>
        <source>Largest skeleton group (%1 samples)</source>
        <translation>最大骨架组（%1 个样本）</translation>
    </message>
    <message>
        <source>Largest duplicate group (%1 samples, %2)</source>
        <translation>最大重复组（%1 个样本，%2）</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全重复</translation>
    </message>
    <message>
        <source>near-duplicates</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&lt;h1&gt;%1&lt;/h1&gt;&lt;p&gt;Project &lt;code&gt;%2&lt;/code&gt; · analysis run %3%8 finished %4 · written %5 by Synthscope %6%7&lt;/p&gt;</source>
        <translation>&lt;h1&gt;%1&lt;/h1&gt;&lt;p&gt;项目 &lt;code&gt;%2&lt;/code&gt; · 分析运行 %3%8 完成于 %4 · 由 Synthscope %6%7 生成于 %5&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ReviewCommands</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Tag #%1 “%2”</source>
        <translation>为 #%1 添加标签“%2”</translation>
    </message>
    <message>
        <source>Untag #%1 “%2”</source>
        <translation>移除 #%1 的标签“%2”</translation>
    </message>
    <message>
        <source>Keep #%1</source>
        <translation>保留 #%1</translation>
    </message>
    <message>
        <source>Drop #%1</source>
        <translation>舍弃 #%1</translation>
    </message>
    <message>
        <source>Clear decision on #%1</source>
        <translation>清除 #%1 的决定</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n samples “%1”</source>
        <translation>
            <numerusform>为 %n 个样本添加标签“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Untag %n samples “%1”</source>
        <translation>
            <numerusform>移除 %n 个样本的标签“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n samples</source>
        <translation>
            <numerusform>保留 %n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop %n samples</source>
        <translation>
            <numerusform>舍弃 %n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear the decision on %n samples</source>
        <translation>
            <numerusform>清除 %n 个样本的决定</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit note on #%1</source>
        <translation>编辑 #%1 的备注</translation>
    </message>
    <message>
        <source>Add tag “%1”</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>Rename tag “%1” to “%2”</source>
        <translation>将标签“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Move tag “%1”</source>
        <translation>移动标签“%1”</translation>
    </message>
    <message>
        <source>Remove tag “%1”</source>
        <translation>移除标签“%1”</translation>
    </message>
</context>
<context>
    <name>synthscope::model::ReviewStore</name>
    <message>
        <source>Could not save the review answer: %1</source>
        <translation>无法保存作答：%1</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>Cannot add the tag &apos;%1&apos;: %2</source>
        <translation>无法添加标签“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot rename the tag: %1</source>
        <translation>无法重命名标签：%1</translation>
    </message>
    <message>
        <source>No such tag.</source>
        <translation>没有此标签。</translation>
    </message>
    <message>
        <source>Cannot restore the tag &apos;%1&apos;: %2</source>
        <translation>无法恢复标签“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot restore the uses of the tag &apos;%1&apos;: %2</source>
        <translation>无法恢复标签“%1”的使用记录：%2</translation>
    </message>
    <message>
        <source>A queue needs a name and at least one sample.</source>
        <translation>队列需要名称和至少一个样本。</translation>
    </message>
    <message>
        <source>Cannot search the notes for &apos;%1&apos;: %2</source>
        <translation>无法在备注中搜索“%1”：%2</translation>
    </message>
</context>
<context>
    <name>synthscope::model::SampleSearch</name>
    <message>
        <source>sample query: &apos;%1&apos; must be %2</source>
        <translation>样本查询：“%1”必须为%2</translation>
    </message>
    <message>
        <source>sample query: unknown key &apos;%1&apos;</source>
        <translation>样本查询：未知的键“%1”</translation>
    </message>
    <message>
        <source>samples cannot be sorted by &apos;%1&apos;</source>
        <translation>样本无法按“%1”排序</translation>
    </message>
    <message>
        <source>the project is not open through SQLite</source>
        <translation>项目未通过 SQLite 打开</translation>
    </message>
    <message>
        <source>The search is not valid (%2): %1 — use words, &quot;a phrase&quot;, prefix*, AND, OR, NOT</source>
        <translation>搜索无效（%2）：%1 — 请使用词语、&quot;短语&quot;、前缀*、AND、OR、NOT</translation>
    </message>
</context>
<context>
    <name>synthscope::model::SampleTableModel</name>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Synth.-like</source>
        <translation>合成相似度</translation>
    </message>
    <message>
        <source>NN other</source>
        <translation>异侧最近邻</translation>
    </message>
    <message>
        <source>PPL</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <source>Skeleton</source>
        <translation>骨架</translation>
    </message>
    <message>
        <source>Dup.</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Characters of the text</source>
        <translation>文本的字符数</translation>
    </message>
    <message>
        <source>Out-of-fold probability that the sample is synthetic (the detectability model of the newest analysis); high on a real sample: it reads like the generator</source>
        <translation>样本为合成的折外（out-of-fold）概率（最新分析的可检测性模型）；真实样本上偏高：读起来像生成器所写</translation>
    </message>
    <message>
        <source>Cosine similarity to the nearest sample of the other role (embedding of the newest analysis); near 1: a copy or paraphrase across the sides</source>
        <translation>与另一角色中最近样本的余弦相似度（最新分析的嵌入）；接近 1：跨两侧的复制或改写</translation>
    </message>
    <message>
        <source>Perplexity under the language model of the real side (held-out samples only); low on synthetic text: the generator&apos;s mode</source>
        <translation>在真实侧语言模型下的困惑度（仅限留出样本）；合成文本上偏低：落在生成器的惯用模式上</translation>
    </message>
    <message>
        <source>The start of the text, or the passage around the search hits</source>
        <translation>文本开头，或搜索命中处附近的段落</translation>
    </message>
    <message>
        <source>k-means cluster of the newest analysis (as on the cluster map)</source>
        <translation>最新分析的 k-means 簇（与簇图一致）</translation>
    </message>
    <message>
        <source>Group of samples that share one template skeleton (Skeletons view)</source>
        <translation>共享同一模板骨架的样本组（“骨架”视图）</translation>
    </message>
    <message>
        <source>Exact or near-duplicate group (Duplicates view)</source>
        <translation>完全重复或近似重复组（“重复”视图）</translation>
    </message>
    <message>
        <source>keep %1 · drop %2</source>
        <translation>保留 %1 · 舍弃 %2</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Tags any reviewer gave (filter by one with the tag box)</source>
        <translation>任一审阅人打上的标签（可用标签框按其中一个筛选）</translation>
    </message>
    <message>
        <source>Keep or drop; with counts when reviewers differ</source>
        <translation>保留或舍弃；审阅人意见不一时显示各自人数</translation>
    </message>
    <message>
        <source>NN other ≈</source>
        <translation>异侧最近邻 ≈</translation>
    </message>
    <message>
        <source>Approximate: on a project this large an HNSW index found the nearest samples and may have missed closer ones</source>
        <translation>近似值：项目规模较大时由 HNSW 索引查找最近样本，可能漏掉更近的样本</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Schema</name>
    <message>
        <source>cannot build the expected schema to check the file against</source>
        <translation>无法构建用于校验该文件的预期架构</translation>
    </message>
    <message>
        <source>cannot read the schema: %1</source>
        <translation>无法读取架构：%1</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; is missing</source>
        <translation>缺少表“%1”</translation>
    </message>
    <message>
        <source>the table &apos;%1&apos; lacks its column &apos;%2&apos;</source>
        <translation>表“%1”缺少列“%2”</translation>
    </message>
    <message>
        <source>it holds a %1 &apos;%2&apos; that Synthscope did not create</source>
        <translation>其中包含一个不是由 Synthscope 创建的 %1“%2”</translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation>无法读取架构版本</translation>
    </message>
    <message>
        <source>written by a newer Synthscope (schema %1; this version reads up to %2)</source>
        <translation>由较新版本的 Synthscope 写入（架构版本 %1；本版本最高可读取 %2）</translation>
    </message>
    <message>
        <source>the trigger or view &apos;%1&apos; is missing</source>
        <translation>缺少触发器或视图“%1”</translation>
    </message>
</context>
<context>
    <name>synthscope::model::SimilarText</name>
    <message>
        <source>no sample has text to compare with</source>
        <translation>没有可供比较的样本文本</translation>
    </message>
    <message>
        <source>the endpoint embedded the text in %1 dimensions, but the stored embeddings &quot;%2&quot; have %3; embed the project again</source>
        <translation>端点将文本嵌入为 %1 维，但已存储的嵌入“%2”为 %3 维；请重新嵌入项目</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) have no embedding from &quot;%1&quot; (imported after it?); embed the project again in Analysis → Embeddings</source>
        <translation>
            <numerusform>%n 个样本没有来自“%1”的嵌入（是在嵌入之后导入的？）；请在“分析 → 嵌入”中重新嵌入项目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>synthscope::model::SkeletonGroupsModel</name>
    <message>
        <source>The mould&apos;s shared structure (“…” where its members differ), or a short reply&apos;s skeleton; expand a row for its members</source>
        <translation>模子的共有结构（成员间不同之处显示为“…”），或短回复的骨架；展开一行可查看其成员</translation>
    </message>
    <message>
        <source>Samples in the group</source>
        <translation>组中的样本数</translation>
    </message>
    <message>
        <source>Real samples in the group</source>
        <translation>组中的真实样本数</translation>
    </message>
    <message>
        <source>Synthetic samples in the group</source>
        <translation>组中的合成样本数</translation>
    </message>
    <message>
        <source>Share of the group&apos;s samples that are synthetic</source>
        <translation>组内样本中合成样本所占比例</translation>
    </message>
    <message>
        <source>Share of all synthetic samples that this group holds</source>
        <translation>该组在全部合成样本中所占比例</translation>
    </message>
    <message>
        <source>Lift over real: how many times more of the synthetic side than of the real side the group holds (each count plus one half). 1×: as common in real data.</source>
        <translation>相对真实的提升倍数：该组占合成侧的比例是占真实侧比例的多少倍（各计数加 0.5）。1×：与在真实数据中一样常见。</translation>
    </message>
    <message>
        <source>Mould or skeleton</source>
        <translation>模子或骨架</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synth.</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Synth. %</source>
        <translation>合成 %</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升倍数</translation>
    </message>
</context>
<context>
    <name>synthscope::model::SourceConcentrationModel</name>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>all rounds</source>
        <translation>所有轮次</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>不同值数</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>最大来源</translation>
    </message>
    <message>
        <source>Largest share</source>
        <translation>最大占比</translation>
    </message>
    <message>
        <source>Evenness (entropy)</source>
        <translation>均匀度（熵）</translation>
    </message>
    <message>
        <source>%1 synthetic samples have no %2 recorded and are not counted</source>
        <translation>%1 个合成样本未记录%2，未计入统计</translation>
    </message>
</context>
<context>
    <name>synthscope::model::SourceReviewModel</name>
    <message>
        <source>Provenance</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>具体来源</translation>
    </message>
    <message>
        <source>%1 (newest)</source>
        <translation>%1（最新）</translation>
    </message>
    <message>
        <source>First round</source>
        <translation>首个轮次</translation>
    </message>
    <message>
        <source>Synthetic samples</source>
        <translation>合成样本</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>By two reviewers</source>
        <translation>经两位审阅人审阅</translation>
    </message>
    <message>
        <source>Reviewed share</source>
        <translation>已审阅占比</translation>
    </message>
    <message>
        <source>The newest %1: its samples need a reviewer before the gate passes</source>
        <translation>最新的%1：门禁通过前，其样本需要经过审阅</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Sources</name>
    <message>
        <source>no analysis yet: run the analyses first</source>
        <translation>尚无分析：请先运行分析</translation>
    </message>
</context>
<context>
    <name>synthscope::model::TagRateModel</name>
    <message>
        <source>%1 of %2 reviewed samples in %3 carry “%4”.</source>
        <translation>%3 中已审阅的 %2 个样本里有 %1 个带有“%4”。</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
</context>
<context>
    <name>synthscope::model::TagSetModel</name>
    <message>
        <source>Hotkey %1 in Review</source>
        <translation>“审阅”中的快捷键 %1</translation>
    </message>
    <message>
        <source>No hotkey (only 1–9)</source>
        <translation>无快捷键（仅限 1–9）</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要名称。</translation>
    </message>
    <message>
        <source>There is already a tag named “%1”.</source>
        <translation>已存在名为“%1”的标签。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::TeamReview</name>
    <message>
        <source>(not clustered)</source>
        <translation>（未聚类）</translation>
    </message>
    <message>
        <source>(no shared skeleton)</source>
        <translation>（无共享骨架）</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>簇 %1</translation>
    </message>
    <message>
        <source>skeleton group %1</source>
        <translation>骨架组 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <source>Skeleton group</source>
        <translation>骨架组</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>模板版本</translation>
    </message>
    <message>
        <source>Judge version</source>
        <translation>评判模型版本</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>There are no samples to draw from.</source>
        <translation>没有可供抽取的样本。</translation>
    </message>
    <message>
        <source>keep / drop</source>
        <translation>保留 / 舍弃</translation>
    </message>
    <message>
        <source>No such tag.</source>
        <translation>没有此标签。</translation>
    </message>
    <message>
        <source>The newest analysis has no embeddings; run the analyses first (Ctrl+R).</source>
        <translation>最新分析没有嵌入；请先运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>The embeddings of the newest analysis are inconsistent; run the analyses again.</source>
        <translation>最新分析的嵌入不一致；请重新运行分析。</translation>
    </message>
    <message>
        <source>“%1” needs at least 5 tagged and 5 reviewed-but-untagged samples to learn from (it has %2 and %3).</source>
        <translation>“%1”至少需要 5 个已加标签的样本和 5 个已审阅但未加标签的样本用于学习（当前分别为 %2 个和 %3 个）。</translation>
    </message>
</context>
<context>
    <name>synthscope::model::Trends</name>
    <message>
        <source>%1 is judged live on the reviews, not stored: it has no trend</source>
        <translation>%1 根据审阅实时判定，不做存储：没有趋势</translation>
    </message>
    <message>
        <source>The concentration on sources is charted by round only; choose Round.</source>
        <translation>来源集中度只能按轮次绘制；请选择“轮次”。</translation>
    </message>
    <message>
        <source>synthetic samples</source>
        <translation>合成样本</translation>
    </message>
    <message>
        <source>Not analysed yet: run the analyses first.</source>
        <translation>尚未分析：请先运行分析。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>synthetic corpora</source>
        <translation>合成语料</translation>
    </message>
    <message>
        <source>%1 (real)</source>
        <translation>%1（真实）</translation>
    </message>
    <message>
        <source>Analysis run</source>
        <translation>分析运行</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>real vs synthetic</source>
        <translation>真实 vs 合成</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>%1:%2: no numeric synth_ratio (or synthetic_ratio, ratio) in this row</source>
        <translation>%1:%2：此行没有数值型的 synth_ratio（或 synthetic_ratio、ratio）</translation>
    </message>
    <message>
        <source>%1:%2: the synthetic ratio %3 is outside 0–1 (or 0–100 %)</source>
        <translation>%1:%2：合成比例 %3 超出 0–1（或 0–100 %）范围</translation>
    </message>
    <message>
        <source>%1:%2: the ratio %3 was already given on line %4</source>
        <translation>%1:%2：比例 %3 已在第 %4 行给出</translation>
    </message>
    <message>
        <source>%1: a ratio gradient needs at least two runs</source>
        <translation>%1：比例梯度至少需要两次运行</translation>
    </message>
    <message>
        <source>%1: no metric column has a number</source>
        <translation>%1：没有任何指标列含有数值</translation>
    </message>
</context>
<context>
    <name>synthscope::model::VsRealModel</name>
    <message>
        <source>Synthetic corpus</source>
        <translation>合成语料</translation>
    </message>
    <message>
        <source> ± %1 over the draws</source>
        <translation> ± %1（各次抽样间）</translation>
    </message>
    <message>
        <source>&lt;br&gt;Real vs real at the same size: %1 ± %2 — %3</source>
        <translation>&lt;br&gt;同等规模下真实 vs 真实：%1 ± %2 — %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;outside&lt;/b&gt; the band (mean ± 3 sd)</source>
        <translation>在区间&lt;b&gt;之外&lt;/b&gt;（均值 ± 3 标准差）</translation>
    </message>
    <message>
        <source>inside the band: no difference shown</source>
        <translation>在区间之内：未显示出差异</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 samples per side.</source>
        <translation>&lt;br&gt;每侧 %1 个样本。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::BulkAnswerBar</name>
    <message>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>舍弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Tag selected</source>
        <translation>为所选加标签(&amp;T)</translation>
    </message>
    <message>
        <source>Give (or take away) a tag on every selected sample: one step to undo</source>
        <translation>为每个所选样本添加（或移除）标签：可一步撤销</translation>
    </message>
    <message>
        <source>Keep every selected sample (one step to undo)</source>
        <translation>保留每个所选样本（可一步撤销）</translation>
    </message>
    <message>
        <source>Drop every selected sample (one step to undo)</source>
        <translation>舍弃每个所选样本（可一步撤销）</translation>
    </message>
    <message>
        <source>Tag “%1”</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Answer %L1 samples</source>
        <translation>为 %L1 个样本作答</translation>
    </message>
    <message>
        <source>%1 %L2 samples at once? (Edit → Undo takes it back in one step.)</source>
        <translation>确定要对 %L2 个样本一次性%1吗？（“编辑 → 撤销”可一步还原。）</translation>
    </message>
    <message>
        <source>Tag “%1” on</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>Take “%1” off</source>
        <translation>移除标签“%1”</translation>
    </message>
    <message>
        <source>Every selected sample has “%1” already.</source>
        <translation>每个所选样本都已带有“%1”。</translation>
    </message>
    <message>
        <source>No selected sample has “%1”.</source>
        <translation>没有所选样本带有“%1”。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <source>Every selected sample has that decision already.</source>
        <translation>每个所选样本都已是该决定。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ChecklistView</name>
    <message>
        <source>Edit rules…</source>
        <translation>编辑规则…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review of each source&lt;/b&gt; — synthetic samples a reviewer answered, per generator, template version and judge version. The newest of each (bold) must be read before the gate passes: double-click its red line to review a risk-weighted queue of its unread samples.</source>
        <translation>&lt;b&gt;各来源的审阅&lt;/b&gt; — 按生成器、模板版本和评判模型版本统计已有审阅人作答的合成样本。门禁通过前，每类中最新的一项（粗体）必须经过审阅：双击其红线，即可审阅由其未审阅样本组成、按风险加权的队列。</translation>
    </message>
    <message>
        <source>The same rules gate a pipeline: &lt;code&gt;synthscope-cli gate --project P%1&lt;/code&gt; exits 1 when a fail rule trips.</source>
        <translation>同样的规则也可作为流水线的门禁：触发失败级规则时，&lt;code&gt;synthscope-cli gate --project P%1&lt;/code&gt; 以退出码 1 退出。</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>The %1 are not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>%1尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The rules cannot be read:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取规则：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>OUT OF DATE</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:16pt; color:%1&apos;&gt;&lt;b&gt;Gate: %2&lt;/b&gt;&lt;/span&gt; — %3 pass, %4 warn, %5 fail, %6 not applicable</source>
        <translation>&lt;span style=&apos;font-size:16pt; color:%1&apos;&gt;&lt;b&gt;门禁：%2&lt;/b&gt;&lt;/span&gt; — %3 项通过，%4 项警告，%5 项失败，%6 项不适用</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Corpora were imported, removed or given another role after this analysis&lt;/b&gt;: these results describe the corpora it saw. Run the analyses again (Ctrl+R) before judging the gate.</source>
        <translation>&lt;br&gt;&lt;b&gt;本次分析之后有语料被导入、移除或更改了角色&lt;/b&gt;：这些结果描述的是本次分析所见的语料。请在判断门禁前重新运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Red-line rules</source>
        <translation>红线规则</translation>
    </message>
    <message>
        <source>Each rule: id, title, dimension, metric, scope (comparison, synthetic, real), op and threshold or trend {runs, worse}, severity (warn, fail), action, evidence.</source>
        <translation>每条规则包含：id、title（标题）、dimension（维度）、metric（指标）、scope（范围：comparison、synthetic、real）、op 与 threshold（运算符与阈值）或 trend {runs, worse}（趋势）、severity（严重级别：warn、fail）、action（措施）、evidence（证据）。</translation>
    </message>
    <message>
        <source>Judging the red lines on the newest analysis…</source>
        <translation>正在基于最新分析判定红线…</translation>
    </message>
    <message>
        <source> &lt;i&gt;(judging again…)&lt;/i&gt;</source>
        <translation> &lt;i&gt;（正在重新判定…）&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ClusterMapView</name>
    <message>
        <source>Compute neighbour layout</source>
        <translation>计算近邻布局</translation>
    </message>
    <message>
        <source>Review cluster</source>
        <translation>审阅簇</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Review selection</source>
        <translation>审阅所选</translation>
    </message>
    <message>
        <source>Role (real / synthetic)</source>
        <translation>角色（真实 / 合成）</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>簇</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Synthetic-likeness (detectability)</source>
        <translation>合成相似度（可检测性）</translation>
    </message>
    <message>
        <source>Nearest-neighbour similarity (own corpus)</source>
        <translation>最近邻相似度（同一语料）</translation>
    </message>
    <message>
        <source>Similarity to the other role</source>
        <translation>与另一角色的相似度</translation>
    </message>
    <message>
        <source>Perplexity (log scale)</source>
        <translation>困惑度（对数刻度）</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>What the points&apos; colour shows</source>
        <translation>点的颜色所表示的内容</translation>
    </message>
    <message>
        <source>PCA (instant)</source>
        <translation>PCA（即时）</translation>
    </message>
    <message>
        <source>Neighbour layout (UMAP method)</source>
        <translation>近邻布局（UMAP 方法）</translation>
    </message>
    <message>
        <source>PCA keeps global directions; the neighbour layout keeps each sample next to its nearest neighbours, so clusters separate</source>
        <translation>PCA 保留全局方向；近邻布局让每个样本紧邻其最近邻，从而使各簇彼此分开</translation>
    </message>
    <message>
        <source>Compute the neighbour-preserving layout on the kNN graph of the embeddings (a job; seconds for thousands of samples, minutes for a million)</source>
        <translation>在嵌入的 kNN 图上计算保持近邻关系的布局（后台任务；数千个样本需数秒，百万个样本需数分钟）</translation>
    </message>
    <message>
        <source>Open the selected cluster&apos;s samples as a review queue</source>
        <translation>将所选簇的样本作为审阅队列打开</translation>
    </message>
    <message>
        <source>Open the selected samples (box or lasso) as a review queue</source>
        <translation>将所选样本（框选或套索）作为审阅队列打开</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Drag: pan · Wheel: zoom · Shift+drag: select (box or lasso, L) · Ctrl+Shift: add · Alt+Shift: take away · Click: open in Review · Double-click: whole map</source>
        <translation>拖动：平移 · 滚轮：缩放 · Shift+拖动：选择（框选或套索，L） · Ctrl+Shift：添加 · Alt+Shift：移除 · 单击：在“审阅”中打开 · 双击：显示整图</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clusters&lt;/b&gt; (k-means on the embeddings)</source>
        <translation>&lt;b&gt;簇&lt;/b&gt;（基于嵌入的 k-means）</translation>
    </message>
    <message>
        <source>Cluster %1: %2</source>
        <translation>簇 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Lasso</source>
        <translation>套索(&amp;L)</translation>
    </message>
    <message>
        <source>Select with a free-hand lasso instead of a box (L on the map)</source>
        <translation>使用自由手绘套索而非矩形框进行选择（在图上按 L）</translation>
    </message>
    <message numerus="yes">
        <source>Map selection: %n samples</source>
        <translation>
            <numerusform>图上所选：%n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>This analysis has no clusters. Run the analyses again (Ctrl+R) to compute embeddings, clusters and the map.</source>
        <translation>此分析没有簇。请重新运行分析（Ctrl+R）以计算嵌入、簇和簇图。</translation>
    </message>
    <message numerus="yes">
        <source>%n clusters</source>
        <translation>
            <numerusform>%n 个簇</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 synthetic only (template factories)</source>
        <translation>%1 个仅含合成样本的簇（模板工厂）</translation>
    </message>
    <message>
        <source>%1 real only (uncovered tail)</source>
        <translation>%1 个仅含真实样本的簇（未覆盖的长尾）</translation>
    </message>
    <message>
        <source>JS divergence of cluster shares %1</source>
        <translation>簇占比的 JS 散度 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selection&lt;/b&gt;: Shift+drag on the map to select samples</source>
        <translation>&lt;b&gt;所选&lt;/b&gt;：在图上 Shift+拖动以选择样本</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Selection&lt;/b&gt;: %n samples</source>
        <translation>
            <numerusform>&lt;b&gt;所选&lt;/b&gt;：%n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %L2 samples on the map (%L3 not mapped)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：簇图上 %L2 个样本（%L3 个不在图上）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %L2 samples</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%L2 个样本</translation>
    </message>
    <message>
        <source>Imported coordinates (%1)</source>
        <translation>导入的坐标（%1）</translation>
    </message>
    <message>
        <source>Replace the imported coordinates?</source>
        <translation>替换导入的坐标？</translation>
    </message>
    <message>
        <source>The map shows coordinates imported from the records&apos; fields %1. Computing the neighbour layout replaces them; `synthscope-cli layout --from-fields` brings them back.</source>
        <translation>簇图显示的是从记录字段 %1 导入的坐标。计算近邻布局会替换它们；可用 `synthscope-cli layout --from-fields` 恢复。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ClusterMapWidget</name>
    <message>
        <source>No map yet: run the analyses (Ctrl+R).</source>
        <translation>尚无簇图：请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>%L1 points · %2</source>
        <translation>%L1 个点 · %2</translation>
    </message>
    <message>
        <source>neighbour layout</source>
        <translation>近邻布局</translation>
    </message>
    <message>
        <source>PCA layout</source>
        <translation>PCA 布局</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <source>reviewers split</source>
        <translation>审阅人意见分歧</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>colour = first tag</source>
        <translation>颜色 = 第一个标签</translation>
    </message>
    <message>
        <source>colour = cluster</source>
        <translation>颜色 = 簇</translation>
    </message>
    <message>
        <source>colour = corpus</source>
        <translation>颜色 = 语料</translation>
    </message>
    <message>
        <source>colours repeat: pick a cluster to see it alone</source>
        <translation>颜色会重复：选择一个簇可单独查看</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; (%2)&lt;br&gt;%3</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt;（%2）&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>x: %1, y: %2 (imported)</source>
        <translation>x：%1，y：%2（导入）</translation>
    </message>
    <message>
        <source>Arranging %L1 points…</source>
        <translation>正在排列 %L1 个点…</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::DivergenceView</name>
    <message>
        <source>% of samples</source>
        <translation>样本占比（%）</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicating words, real&lt;/b&gt; (weighted log-odds, Monroe et al. 2008)</source>
        <translation>&lt;b&gt;标志词：真实&lt;/b&gt;（加权对数几率，Monroe et al. 2008）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicating words, synthetic&lt;/b&gt; — template phrases show here</source>
        <translation>&lt;b&gt;标志词：合成&lt;/b&gt; — 模板短语会出现在这里</translation>
    </message>
    <message>
        <source>&lt;b&gt;Diversity and repetition&lt;/b&gt;, controlled for size and length (hover a row)</source>
        <translation>&lt;b&gt;多样性与重复&lt;/b&gt;，已控制规模与长度的影响（悬停某行查看说明）</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>The %1 are not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>%1尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Divergence needs a real and a synthetic corpus, analysed.
Import both (Ctrl+I), then run the analyses (Ctrl+R).</source>
        <translation>散度分析需要已分析的真实语料和合成语料。
请导入两者（Ctrl+I），然后运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Token length: share of samples per bin (%1 tokens per bin; the last bin holds the longer ones)</source>
        <translation>词元长度：各区间的样本占比（每个区间 %1 个词元；最后一个区间包含所有更长的样本）</translation>
    </message>
    <message>
        <source>length (tokens)</source>
        <translation>长度（词元）</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Labels: no label field mapped (set one at import to compare label mixes)</source>
        <translation>标签：未映射类别标签字段（导入时设置该字段即可比较标签构成）</translation>
    </message>
    <message>
        <source>Labels: % of each side (top %1)</source>
        <translation>标签：各侧占比 %（前 %1 个）</translation>
    </message>
    <message>
        <source>Labels: share of samples (only the %1 side has labels)</source>
        <translation>标签：样本占比（仅%1侧有标签）</translation>
    </message>
    <message>
        <source>How the prompts are written</source>
        <translation>提示的写法</translation>
    </message>
    <message>
        <source>How the responses are written</source>
        <translation>回复的写法</translation>
    </message>
    <message>
        <source>How the texts are written</source>
        <translation>文本的写法</translation>
    </message>
    <message>
        <source>%1: not measured in this analysis</source>
        <translation>%1：本次分析未测量</translation>
    </message>
    <message>
        <source>OOV words</source>
        <translation>OOV 词</translation>
    </message>
    <message>
        <source>Politeness</source>
        <translation>礼貌用语</translation>
    </message>
    <message>
        <source>Ends . ! ?</source>
        <translation>以 . ! ? 结尾</translation>
    </message>
    <message>
        <source>Lower-case start</source>
        <translation>小写开头</translation>
    </message>
    <message>
        <source>% (OOV: per word)</source>
        <translation>%（OOV：按词计）</translation>
    </message>
    <message>
        <source>Perplexity: needs a real corpus to train the language model</source>
        <translation>困惑度：需要真实语料来训练语言模型</translation>
    </message>
    <message>
        <source>Perplexity under a trigram Kneser–Ney model of the real corpus (log scale)</source>
        <translation>基于真实语料的三元 Kneser–Ney 模型计算的困惑度（对数刻度）</translation>
    </message>
    <message>
        <source>perplexity per sample</source>
        <translation>每个样本的困惑度</translation>
    </message>
    <message>
        <source>real (held out)</source>
        <translation>真实（留出）</translation>
    </message>
    <message>
        <source>Nearest-neighbour similarity: run the analyses again (Ctrl+R)</source>
        <translation>最近邻相似度：请重新运行分析（Ctrl+R）</translation>
    </message>
    <message>
        <source>Cosine to the nearest other sample of the same corpus</source>
        <translation>与同一语料中最近的另一样本的余弦相似度</translation>
    </message>
    <message>
        <source>nearest-neighbour cosine (≥ 0.95: near copies)</source>
        <translation>最近邻余弦相似度（≥ 0.95：近似副本）</translation>
    </message>
    <message>
        <source>Jensen–Shannon divergence, real vs synthetic (bits; 0 = same, 1 = disjoint)</source>
        <translation>Jensen–Shannon 散度，真实 vs 合成（单位：比特；0 = 相同，1 = 完全不重叠）</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>bigrams</source>
        <translation>二元组</translation>
    </message>
    <message>
        <source>unigrams</source>
        <translation>一元组</translation>
    </message>
    <message>
        <source>JS divergence</source>
        <translation>JS 散度</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::DuplicatesView</name>
    <message>
        <source>Only groups &amp;mixing real and synthetic</source>
        <translation>仅显示混合真实与合成样本的组(&amp;M)</translation>
    </message>
    <message>
        <source>No duplicate group mixes real and synthetic samples: no synthetic sample copies a real one here.</source>
        <translation>没有同时包含真实样本和合成样本的重复组：此处没有合成样本复制真实样本。</translation>
    </message>
    <message>
        <source>Review this group</source>
        <translation>审阅此组</translation>
    </message>
    <message>
        <source>Synthetic samples that copy real ones (or the reverse): what the cross-duplicate red line counts</source>
        <translation>复制了真实样本的合成样本（或反之）：即跨侧重复红线所统计的内容</translation>
    </message>
    <message>
        <source>Open every member of the group as a review queue</source>
        <translation>将该组的所有成员作为审阅队列打开</translation>
    </message>
    <message>
        <source>Duplicate group %1 (%2 samples)</source>
        <translation>重复组 %1（%2 个样本）</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>%1 synthetic samples copy a real one exactly; %2 % are near copies of a real one.</source>
        <translation>%1 个合成样本与某个真实样本完全相同；%2 % 是某个真实样本的近似副本。</translation>
    </message>
    <message>
        <source>No duplicates: every sample&apos;s text is distinct.</source>
        <translation>没有重复：每个样本的文本都各不相同。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt;: %2 samples (%3 real, %4 synthetic), %5</source>
        <translation>&lt;b&gt;组 %1&lt;/b&gt;：%2 个样本（%3 个真实，%4 个合成），%5</translation>
    </message>
    <message>
        <source>exact duplicates</source>
        <translation>完全重复</translation>
    </message>
    <message>
        <source>near-duplicates</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>… and %1 more.
Review the group
to see them all.</source>
        <translation>… 另有 %1 个。
审阅该组
可查看全部。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n duplicate groups&lt;/b&gt; (exact: same normalised text; near: word 5-gram Jaccard ≥ 0.8 by MinHash).</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个重复组&lt;/b&gt;（精确：规范化后文本相同；近似：词 5-gram Jaccard ≥ 0.8，由 MinHash 判定）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1（%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source>Near groups also join the samples of one corpus that share a duplicate-cluster id imported with it: %1.</source>
        <translation>近似组还会合并同一语料中共享随其导入的重复簇 id 的样本：%1。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::EmbeddingsDialog</name>
    <message>
        <source>A numeric array field of the records</source>
        <translation>记录中的数值数组字段</translation>
    </message>
    <message>
        <source>An OpenAI-compatible embeddings endpoint</source>
        <translation>OpenAI 兼容的嵌入端点</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Built in: TF-IDF → randomised SVD, 256 dimensions</source>
        <translation>内置：TF-IDF → 随机化 SVD，256 维</translation>
    </message>
    <message>
        <source>%1 (%L2 samples)</source>
        <translation>%1（%L2 个样本）</translation>
    </message>
    <message>
        <source>a name, e.g. e5-large</source>
        <translation>名称，例如 e5-large</translation>
    </message>
    <message>
        <source>field name, e.g. embedding</source>
        <translation>字段名，例如 embedding</translation>
    </message>
    <message>
        <source>one {&quot;corpus&quot;, &quot;line&quot;, &quot;embedding&quot;} object per line</source>
        <translation>每行一个 {&quot;corpus&quot;, &quot;line&quot;, &quot;embedding&quot;} 对象</translation>
    </message>
    <message>
        <source>e.g. OPENAI_API_KEY (empty: no key)</source>
        <translation>例如 OPENAI_API_KEY（留空：不使用密钥）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Add embeddings</source>
        <translation>添加嵌入</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>    Field</source>
        <translation>    字段</translation>
    </message>
    <message>
        <source>    File</source>
        <translation>    文件</translation>
    </message>
    <message>
        <source>    Base URL</source>
        <translation>    基础 URL</translation>
    </message>
    <message>
        <source>    Model</source>
        <translation>    模型</translation>
    </message>
    <message>
        <source>    API key variable</source>
        <translation>    API 密钥变量</translation>
    </message>
    <message>
        <source>    Texts per request</source>
        <translation>    每次请求的文本数</translation>
    </message>
    <message>
        <source>The key is read from that environment variable when the job runs; it is never stored in the project. The vectors are.</source>
        <translation>密钥在任务运行时从该环境变量读取，绝不会存储在项目中；向量则会存储在项目中。</translation>
    </message>
    <message>
        <source>Use for the analyses</source>
        <translation>用于分析</translation>
    </message>
    <message>
        <source>Add and use</source>
        <translation>添加并使用</translation>
    </message>
    <message>
        <source>The analyses use</source>
        <translation>分析使用</translation>
    </message>
    <message>
        <source>Embeddings file</source>
        <translation>嵌入文件</translation>
    </message>
    <message>
        <source>Name the new embeddings to add them.</source>
        <translation>为新嵌入命名后即可添加。</translation>
    </message>
    <message>
        <source>&quot;tfidf-svd&quot; and &quot;tfidf-svd:…&quot; are the built-in embeddings&apos; names; choose another.</source>
        <translation>“tfidf-svd”和“tfidf-svd:…”是内置嵌入的名称，请另选一个名称。</translation>
    </message>
    <message>
        <source>Give the field that holds each record&apos;s vector.</source>
        <translation>请指定存放每条记录向量的字段。</translation>
    </message>
    <message>
        <source>Choose the file.</source>
        <translation>请选择文件。</translation>
    </message>
    <message>
        <source>Give the endpoint&apos;s base URL (with http:// or https://) and the model.</source>
        <translation>请提供端点的基础 URL（含 http:// 或 https://）和模型。</translation>
    </message>
    <message>
        <source>A file: JSON Lines keyed by corpus and line, or a NumPy .npy in project order</source>
        <translation>文件：按语料和行号对应的 JSON Lines，或按项目顺序排列的 NumPy .npy</translation>
    </message>
    <message>
        <source>Embeddings (*.jsonl *.ndjson *.npy);;JSON Lines keyed by corpus and line (*.jsonl *.ndjson);;NumPy array in project order (*.npy)</source>
        <translation>嵌入 (*.jsonl *.ndjson *.npy);;按语料和行号对应的 JSON Lines (*.jsonl *.ndjson);;按项目顺序排列的 NumPy 数组 (*.npy)</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ExportDialog</name>
    <message>
        <source>Keep one sample of each duplicate group</source>
        <translation>每个重复组只保留一个样本</translation>
    </message>
    <message>
        <source>Synthetic-likeness at most</source>
        <translation>合成相似度不超过</translation>
    </message>
    <message>
        <source>Export reviewed slice</source>
        <translation>导出已审阅子集</translation>
    </message>
    <message>
        <source>All corpora</source>
        <translation>全部语料</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>任意角色</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Any (tagged or not)</source>
        <translation>任意（有无标签均可）</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Tagged “%1”</source>
        <translation>带有标签“%1”</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>任意决定</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已舍弃</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>by anyone</source>
        <translation>由任何人</translation>
    </message>
    <message>
        <source>by the majority of reviewers</source>
        <translation>由多数审阅人</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>仅</translation>
    </message>
    <message>
        <source>All but</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>all clusters — or numbers, e.g. 3, 7</source>
        <translation>全部簇 — 或输入编号，如 3, 7</translation>
    </message>
    <message>
        <source>all skeleton groups — or numbers, e.g. 1, 2</source>
        <translation>全部骨架组 — 或输入编号，如 1, 2</translation>
    </message>
    <message>
        <source>Of every group of exact or near-duplicates (newest analysis) keep the member imported first</source>
        <translation>在每组完全重复或近似重复的样本中（基于最新分析），保留最先导入的那个</translation>
    </message>
    <message>
        <source>Leave out samples the detectability model finds obviously synthetic (samples without a score pass)</source>
        <translation>排除可检测性模型认为明显是合成的样本（没有分数的样本照常保留）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Corpus:</source>
        <translation>语料：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>决定：</translation>
    </message>
    <message>
        <source>Clusters:</source>
        <translation>簇：</translation>
    </message>
    <message>
        <source>Skeleton groups:</source>
        <translation>骨架组：</translation>
    </message>
    <message>
        <source>Output (JSONL):</source>
        <translation>输出（JSONL）：</translation>
    </message>
    <message>
        <source>Each line is a sample&apos;s original record, verbatim. Beside it: &lt;i&gt;file&lt;/i&gt;.excluded.jsonl lists the samples left out, and &lt;i&gt;file&lt;/i&gt;.manifest.json is the datasheet: filter, counts, SHA-256, provenance, metrics and red lines at export time.</source>
        <translation>每行是一个样本的原始记录，原样保留。同目录下另有：&lt;i&gt;文件名&lt;/i&gt;.excluded.jsonl 列出被排除的样本；&lt;i&gt;文件名&lt;/i&gt;.manifest.json 是数据说明表，记录导出时的筛选条件、计数、SHA-256、来源、指标和红线。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n sample(s)&lt;/b&gt; match.</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个样本&lt;/b&gt;符合条件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ImportDialog</name>
    <message>
        <source>Real (human-written)</source>
        <translation>真实（人工撰写）</translation>
    </message>
    <message>
        <source>Synthetic (model-generated)</source>
        <translation>合成（模型生成）</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Preference pairs</source>
        <translation>偏好对</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Import corpus</source>
        <translation>导入语料</translation>
    </message>
    <message>
        <source>One or more files; separate with ;</source>
        <translation>一个或多个文件；用 ; 分隔</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Detect from file</source>
        <translation>根据文件检测</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>JSON array</source>
        <translation>JSON 数组</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <source>Plain text (one sample per line)</source>
        <translation>纯文本（每行一个样本）</translation>
    </message>
    <message>
        <source>Records with two outputs and a judge&apos;s verdict (output_1, output_2, preference) or a chosen and a rejected output: each becomes two samples and a pair for the Judge view</source>
        <translation>包含两个输出及评判模型判定（output_1、output_2、preference），或包含一个选中输出和一个落选输出的记录：每条记录生成两个样本和一个偏好对，供“评判模型”视图使用</translation>
    </message>
    <message>
        <source>Records holding turns (OpenAI messages, ShareGPT conversations) or an instruction and its answer (Alpaca, with earlier turns in history; prompt/completion): each becomes one sample that keeps its turns with their roles, so prompts and responses can be analysed apart</source>
        <translation>包含多轮内容（OpenAI messages、ShareGPT conversations）或包含指令及其回答（Alpaca，更早的对话轮在 history 中；prompt/completion）的记录：每条记录生成一个样本，保留各轮及其角色，以便分别分析提示和回复</translation>
    </message>
    <message>
        <source>OpenAI messages</source>
        <translation>OpenAI messages</translation>
    </message>
    <message>
        <source>ShareGPT conversations</source>
        <translation>ShareGPT conversations</translation>
    </message>
    <message>
        <source>Alpaca: instruction, input, output</source>
        <translation>Alpaca：instruction、input、output</translation>
    </message>
    <message>
        <source>prompt / completion</source>
        <translation>prompt / completion</translation>
    </message>
    <message>
        <source>neither: a whole text</source>
        <translation>都不是：全文</translation>
    </message>
    <message>
        <source>a prompt (what a user typed)</source>
        <translation>提示（用户输入的内容）</translation>
    </message>
    <message>
        <source>a response (what a model or agent answered)</source>
        <translation>回复（模型或智能体给出的回答）</translation>
    </message>
    <message>
        <source>A prompt is analysed in the Prompts view (Analyse box), a response in the Responses view; every text is in the Whole texts view</source>
        <translation>提示在“提示”视图（“分析”框）中分析，回复在“回复”视图中分析；所有文本都在“全文”视图中</translation>
    </message>
    <message>
        <source>e.g. {instruction}\n{input}\n{output}</source>
        <translation>例如 {instruction}\n{input}\n{output}</translation>
    </message>
    <message>
        <source>{name} inserts a field; \n a line break, \t a tab; {{ and }} are literal braces.</source>
        <translation>{name} 插入一个字段；\n 表示换行，\t 表示制表符；{{ 和 }} 表示字面花括号。</translation>
    </message>
    <message>
        <source>every record; or e.g. inbound=True (several: separate with ;)</source>
        <translation>所有记录；或例如 inbound=True（多个条件用 ; 分隔）</translation>
    </message>
    <message>
        <source>Import only the records whose field has this value; the others are skipped, not rejected. Numbers and booleans compare as written in JSON (true, 1).</source>
        <translation>仅导入该字段等于此值的记录；其他记录会被跳过，而不是拒收。数字和布尔值按 JSON 中的写法比较（true、1）。</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Records larger than this are rejected with their line number.</source>
        <translation>超过此大小的记录将被拒收，并注明其行号。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Corpus name:</source>
        <translation>语料名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>The text is:</source>
        <translation>文本属于：</translation>
    </message>
    <message>
        <source>Label (optional):</source>
        <translation>类别标签（可选）：</translation>
    </message>
    <message>
        <source>Only records where:</source>
        <translation>仅限以下记录：</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>生成器：</translation>
    </message>
    <message>
        <source>Template version:</source>
        <translation>模板版本：</translation>
    </message>
    <message>
        <source>Judge version:</source>
        <translation>评判模型版本：</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>a fixed value, or {field} to read it from each record</source>
        <translation>固定值，或用 {field} 从每条记录读取</translation>
    </message>
    <message>
        <source>Largest record:</source>
        <translation>记录大小上限：</translation>
    </message>
    <message>
        <source>First record&apos;s text:</source>
        <translation>首条记录的文本：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose corpus files</source>
        <translation>选择语料文件</translation>
    </message>
    <message>
        <source>Corpora (*.jsonl *.ndjson *.json *.csv *.tsv *.tab *.txt);;All files (*)</source>
        <translation>语料 (*.jsonl *.ndjson *.json *.csv *.tsv *.tab *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a file to see its first rows.</source>
        <translation>选择一个文件以查看其前几行。</translation>
    </message>
    <message>
        <source>First %1 records of %2 (read as %3):</source>
        <translation>%2 的前 %1 条记录（按 %3 读取）：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>None of the first %1 records matches “only records where”.</source>
        <translation>前 %1 条记录中没有符合“仅限以下记录”条件的记录。</translation>
    </message>
    <message>
        <source>Each record: two samples (&apos;%1&apos;, &apos;%2&apos;) and a pair; %3.
</source>
        <translation>每条记录：两个样本（“%1”、“%2”）和一个偏好对；%3。
</translation>
    </message>
    <message>
        <source>the first is always the preferred one</source>
        <translation>第一个始终是选中的输出</translation>
    </message>
    <message>
        <source>verdict in &apos;%1&apos;: 1 first, 2 second, 1.5 a tie, 0 or null none</source>
        <translation>判定字段“%1”：1 表示第一个，2 表示第二个，1.5 表示平局，0 或 null 表示无判定</translation>
    </message>
    <message>
        <source>none (a failed or missing judgement)</source>
        <translation>无（评判失败或缺失）</translation>
    </message>
    <message>
        <source>the first output preferred</source>
        <translation>选中第一个输出</translation>
    </message>
    <message>
        <source>the second output preferred</source>
        <translation>选中第二个输出</translation>
    </message>
    <message>
        <source>a tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>weighted, %1 % for the second output</source>
        <translation>加权，第二个输出占 %1 %</translation>
    </message>
    <message>
        <source>Prompt: %1
</source>
        <translation>提示：%1
</translation>
    </message>
    <message>
        <source>First: %1
Second: %2
Verdict: %3</source>
        <translation>第一个：%1
第二个：%2
判定：%3</translation>
    </message>
    <message>
        <source>This record would be rejected: %1</source>
        <translation>此记录将被拒收：%1</translation>
    </message>
    <message>
        <source>
[label: %1]</source>
        <translation>
[类别标签：%1]</translation>
    </message>
    <message>
        <source>Choose at least one file.</source>
        <translation>请至少选择一个文件。</translation>
    </message>
    <message>
        <source>Give the corpus a name.</source>
        <translation>请为语料命名。</translation>
    </message>
    <message>
        <source>Choose the role: real (human-written) or synthetic (model-generated).</source>
        <translation>请选择角色：真实（人工撰写）或合成（模型生成）。</translation>
    </message>
    <message>
        <source>Write each condition as field=value, separated by ;.</source>
        <translation>请将每个条件写成 field=value，多个条件用 ; 分隔。</translation>
    </message>
    <message>
        <source>No field &apos;%1&apos; in the first records: check its name.</source>
        <translation>前几条记录中没有字段“%1”：请检查字段名。</translation>
    </message>
    <message>
        <source>Choose whether the text comes from a field or a template.</source>
        <translation>请选择文本来自字段还是模板。</translation>
    </message>
    <message>
        <source>Text template: %1</source>
        <translation>文本模板：%1</translation>
    </message>
    <message>
        <source>Choose the text field or write a template.</source>
        <translation>请选择文本字段或编写模板。</translation>
    </message>
    <message>
        <source>&amp;Keep a uniform random sample of</source>
        <translation>只保留均匀随机样本(&amp;K)，数量</translation>
    </message>
    <message>
        <source>Read every record once and keep a uniform random sample of this many (reservoir sampling); the corpus records the sample, so its measures read as estimates. The same seed and files give the same sample.</source>
        <translation>逐条读取所有记录一次，并保留这么多条的均匀随机样本（蓄水池抽样）；语料会记录该抽样，因此其指标应视为估计值。相同的种子与文件得到相同的样本。</translation>
    </message>
    <message>
        <source> records</source>
        <translation> 条记录</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>抽样：</translation>
    </message>
    <message>
        <source>A duplicate-cluster id computed elsewhere, e.g. by datatrove&apos;s MinHash stages (metadata.minhash_cluster) or NeMo Curator (group). Samples of this corpus with the same id are one near-duplicate group in the analysis.</source>
        <translation>在别处计算的重复簇 id，例如 datatrove 的 MinHash 阶段（metadata.minhash_cluster）或 NeMo Curator（group）。本语料中 id 相同的样本在分析中属于同一个近重复组。</translation>
    </message>
    <message>
        <source>Duplicate cluster (optional):</source>
        <translation>重复簇（可选）：</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this job; the project stays as it was before it.</source>
        <translation>停止此任务；项目将保持任务开始前的状态。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 more running</source>
        <translation>%1 · 另有 %2 个正在运行</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::JudgeView</name>
    <message>
        <source>%1   (%2 in preferred, %3 in rejected)</source>
        <translation>%1   （选中 %2 次，落选 %3 次）</translation>
    </message>
    <message>
        <source>Weighted log-odds z = %1, leaning to the %2 outputs</source>
        <translation>加权对数几率 z = %1，偏向%2输出</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>选中</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>落选</translation>
    </message>
    <message>
        <source>(too few pairs to rank words)</source>
        <translation>（偏好对太少，无法对词排序）</translation>
    </message>
    <message>
        <source>&amp;Review these pairs</source>
        <translation>审阅这些偏好对(&amp;R)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the judge kept.&lt;/b&gt; Each row is a corpus of preference pairs: two outputs for one prompt and a judge&apos;s verdict. The &lt;i&gt;win rate&lt;/i&gt; is how often the second output won; the &lt;i&gt;length-controlled&lt;/i&gt; win rate is what a logistic model of the verdicts on the length difference predicts at equal length (Dubois et al. 2024). A large gap means the second output wins on length. The &lt;i&gt;length preference&lt;/i&gt; is the judge&apos;s own bias: how often, of two outputs of equal quality, it picks the one 100 tokens longer (50 % is none).</source>
        <translation>&lt;b&gt;评判模型保留了什么。&lt;/b&gt;每行是一个偏好对语料：同一提示的两个输出及评判模型的判定。&lt;i&gt;胜率&lt;/i&gt;是第二个输出获胜的比例；&lt;i&gt;长度控制&lt;/i&gt;胜率是以判定结果对长度差拟合的逻辑回归模型在长度相等时的预测值（Dubois et al. 2024）。两者差距大，说明第二个输出靠长度取胜。&lt;i&gt;长度偏好&lt;/i&gt;是评判模型自身的偏向：在质量相当的两个输出中，它选择较长 100 个词元的那个的比例（50 % 表示无偏向）。</translation>
    </message>
    <message>
        <source>Open the corpus&apos;s pairs in Review, one per pair with the other output beside it, the largest length gaps first</source>
        <translation>在“审阅”中打开该语料的偏好对，每对一项，另一个输出显示在旁边，长度差最大的排在最前</translation>
    </message>
    <message>
        <source>Words of the &lt;b&gt;preferred&lt;/b&gt; outputs</source>
        <translation>&lt;b&gt;选中&lt;/b&gt;输出中的词</translation>
    </message>
    <message>
        <source>Words of the &lt;b&gt;rejected&lt;/b&gt; outputs</source>
        <translation>&lt;b&gt;落选&lt;/b&gt;输出中的词</translation>
    </message>
    <message>
        <source>Pairs of %1, largest length gap first</source>
        <translation>%1 的偏好对，长度差最大的排在最前</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>No preference pairs in this analysis.

Import records that hold two outputs and a judge&apos;s verdict (AlpacaEval&apos;s output_1, output_2 and preference) or a chosen and a rejected output: the import reads them as pairs by itself. Then run the analyses (Ctrl+R).</source>
        <translation>本次分析中没有偏好对。

请导入包含两个输出及评判模型判定（AlpacaEval 的 output_1、output_2 和 preference），或包含一个选中输出和一个落选输出的记录：导入时会自动将其识别为偏好对。然后运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Win rate of the second output: raw and at equal length</source>
        <translation>第二个输出的胜率：原始值与等长时的值</translation>
    </message>
    <message>
        <source>win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>length-controlled</source>
        <translation>长度控制</translation>
    </message>
    <message>
        <source>%1 (n/a)</source>
        <translation>%1（无数据）</translation>
    </message>
    <message>
        <source>%1: verdicts by length difference</source>
        <translation>%1：按长度差统计的判定</translation>
    </message>
    <message>
        <source>observed (bins of ≥ %1 pairs)</source>
        <translation>实测（每组 ≥ %1 对）</translation>
    </message>
    <message>
        <source>length model</source>
        <translation>长度模型</translation>
    </message>
    <message>
        <source>at equal length</source>
        <translation>等长时</translation>
    </message>
    <message>
        <source>second − first length, tokens (bins of %1)</source>
        <translation>长度差：第二个 − 第一个（词元，组宽 %1）</translation>
    </message>
    <message>
        <source>second − first length (all pairs differ by the same)</source>
        <translation>长度差：第二个 − 第一个（所有偏好对的长度差相同）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: words that lean to the preferred or to the rejected output of the same prompts (weighted log-odds; Das et al. 2024 find judges follow such local cues).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：在相同提示下偏向选中输出或落选输出的词（加权对数几率；Das et al. 2024 发现评判模型会追随此类局部线索）。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::KeyHelpOverlay</name>
    <message>
        <source>Press ? or Esc to close.</source>
        <translation>按 ? 或 Esc 关闭。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::MainWindow</name>
    <message>
        <source>Synthscope</source>
        <translation>Synthscope</translation>
    </message>
    <message>
        <source>&lt;p&gt;What the analyses read of each sample and what every tab shows: the whole text (a conversation&apos;s user and assistant turns), the &lt;b&gt;prompts&lt;/b&gt; (user turns: are the inputs like what users type?) or the &lt;b&gt;responses&lt;/b&gt; (assistant turns). Each has its own analysis; run the analyses (Ctrl+R) once per view. Ctrl+Alt+1, 2, 3 switch.&lt;/p&gt;</source>
        <translation>&lt;p&gt;分析读取每个样本的哪部分内容，以及各标签页显示什么：全文（对话中的用户轮和助手轮）、&lt;b&gt;提示&lt;/b&gt;（用户轮：输入是否像用户实际输入的内容？）或&lt;b&gt;回复&lt;/b&gt;（助手轮）。每种视图有各自的分析；请在每个视图下各运行一次分析（Ctrl+R）。Ctrl+Alt+1、2、3 可切换。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Divergence</source>
        <translation>散度</translation>
    </message>
    <message>
        <source>Skeletons</source>
        <translation>骨架</translation>
    </message>
    <message>
        <source>Cluster map</source>
        <translation>簇图</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评判模型</translation>
    </message>
    <message>
        <source>Skeleton group %1: %2</source>
        <translation>骨架组 %1：%2</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Answers are recorded under this name (Edit → Reviewer Name…)</source>
        <translation>作答以此名称记录（编辑 → 审阅人姓名…）</translation>
    </message>
    <message>
        <source>Open a project (Ctrl+O) or create one (Ctrl+N).</source>
        <translation>打开项目（Ctrl+O）或新建项目（Ctrl+N）。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Corpus…</source>
        <translation>导入语料(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Slice…</source>
        <translation>导出子集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tag Set…</source>
        <translation>标签集(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Sample a Review Queue…</source>
        <translation>抽取审阅队列(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Run Analyses</source>
        <translation>运行分析(&amp;R)</translation>
    </message>
    <message>
        <source>Compute &amp;Neighbour Layout</source>
        <translation>计算近邻布局(&amp;N)</translation>
    </message>
    <message>
        <source>Show &amp;Whole Texts</source>
        <translation>显示全文(&amp;W)</translation>
    </message>
    <message>
        <source>Show &amp;Prompts</source>
        <translation>显示提示(&amp;P)</translation>
    </message>
    <message>
        <source>Show R&amp;esponses</source>
        <translation>显示回复(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Cancel Running Jobs</source>
        <translation>取消运行中的任务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Divergence</source>
        <translation>散度(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Skeletons</source>
        <translation>骨架(&amp;S)</translation>
    </message>
    <message>
        <source>Cluster &amp;map</source>
        <translation>簇图(&amp;M)</translation>
    </message>
    <message>
        <source>D&amp;uplicates</source>
        <translation>重复(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation>评判模型(&amp;J)</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>审阅(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查清单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation>趋势(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;amples</source>
        <translation>样本(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find Samples…</source>
        <translation>查找样本(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keys in Review</source>
        <translation>审阅快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Synthscope</source>
        <translation>关于 Synthscope(&amp;A)</translation>
    </message>
    <message>
        <source>About Synthscope</source>
        <translation>关于 Synthscope</translation>
    </message>
    <message>
        <source>&lt;b&gt;Synthscope %1&lt;/b&gt;&lt;p&gt;Is synthetic training data still supplementing reality, or has it started to replace it?&lt;/p&gt;</source>
        <translation>&lt;b&gt;Synthscope %1&lt;/b&gt;&lt;p&gt;合成训练数据仍在补充真实数据，还是已开始取代它？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Review edit not saved</source>
        <translation>审阅修改未保存</translation>
    </message>
    <message>
        <source>%1 — Synthscope</source>
        <translation>%1 — Synthscope</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Reviewer: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>审阅人：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Synthscope projects (*.synthscope)</source>
        <translation>Synthscope 项目 (*.synthscope)</translation>
    </message>
    <message>
        <source>%1 exists already. Open it instead, or choose another name.</source>
        <translation>%1 已存在。请直接打开它，或选择其他名称。</translation>
    </message>
    <message>
        <source>Synthscope projects (*.synthscope);;All files (*)</source>
        <translation>Synthscope 项目 (*.synthscope);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>Your name, recorded with each tag and decision:</source>
        <translation>您的姓名，将随每个标签和决定一起记录：</translation>
    </message>
    <message>
        <source>Answers are now recorded as %1. Undo still applies to earlier edits, for the reviewer who made them.</source>
        <translation>现在以 %1 的名义记录作答。撤销仍可用于之前的修改，并归属于当时作出修改的审阅人。</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>有任务正在运行</translation>
    </message>
    <message>
        <source>Cancel the running jobs and quit? The project stays as it was before each of them.</source>
        <translation>取消正在运行的任务并退出？项目将保持在各任务开始前的状态。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Language: %1.</source>
        <translation>语言：%1。</translation>
    </message>
    <message>
        <source>Anal&amp;yse:</source>
        <translation>分析范围(&amp;Y)：</translation>
    </message>
    <message>
        <source>Write Re&amp;port…</source>
        <translation>生成报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Reviewer &amp;Name…</source>
        <translation>审阅人姓名(&amp;N)…</translation>
    </message>
    <message>
        <source>E&amp;mbeddings…</source>
        <translation>嵌入向量(&amp;M)…</translation>
    </message>
    <message>
        <source>Language: %1. It takes effect the next time Synthscope starts.</source>
        <translation>语言：%1。下次启动 Synthscope 时生效。</translation>
    </message>
    <message>
        <source>Report, HTML and PDF (*.html *.pdf);;All files (*)</source>
        <translation>报告，HTML 与 PDF (*.html *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Similar to “%1”</source>
        <translation>与“%1”相似</translation>
    </message>
    <message>
        <source>%1: %2 samples are waiting in Review.</source>
        <translation>%1：%2 个样本已在“审阅”中等候。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::OverviewView</name>
    <message>
        <source>Show ra&amp;w measures</source>
        <translation>显示原始指标(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Drop This Analysis</source>
        <translation>删除此分析(&amp;D)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pooled: every real corpus against every synthetic one&lt;/b&gt; — the cards&apos; numbers and the rest of the comparison, on all samples of each side</source>
        <translation>&lt;b&gt;合并：所有真实语料对比所有合成语料&lt;/b&gt; — 卡片中的数值及其余对比结果，基于每侧的全部样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;Each synthetic corpus against reality&lt;/b&gt; — on equal samples per side. &lt;b&gt;Bold on orange&lt;/b&gt;: outside the real-vs-real band (two disjoint real draws of the same size, mean ± 3 sd), a difference larger than sampling noise. Hover a cell for the band.</source>
        <translation>&lt;b&gt;每个合成语料与真实数据对比&lt;/b&gt; — 每侧样本数相同。&lt;b&gt;橙底粗体&lt;/b&gt;：超出真实-真实对照区间（两次互不重叠、规模相同的真实抽样，均值 ± 3 sd），即差异大于抽样噪声。悬停在单元格上可查看该区间。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Repetition against real text of the same lengths&lt;/b&gt; — each rate of up to 1,000 synthetic samples over the rate of as many real samples with the same token lengths (1× = as repetitive as reality at these lengths). &lt;b&gt;Bold on orange&lt;/b&gt;: at least %1×. A dash: not measured (hover it for why).</source>
        <translation>&lt;b&gt;与同长度真实文本相比的重复程度&lt;/b&gt; — 每项为至多 1,000 个合成样本的比率除以同等数量、词元长度相同的真实样本的比率（1× = 在这些长度上与真实数据同样重复）。&lt;b&gt;橙底粗体&lt;/b&gt;：至少 %1×。短横线：未测量（悬停可查看原因）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sources of the synthetic side&lt;/b&gt; — the share of the largest generator, template version or judge version overall and in each round (&lt;b&gt;bold&lt;/b&gt;: above 0.9, one source defines the round), and how evenly sources are used (1 = evenly, 0 = one).</source>
        <translation>&lt;b&gt;合成侧的来源&lt;/b&gt; — 最大的生成器、模板版本或评判模型版本在整体及每个轮次中的占比（&lt;b&gt;粗体&lt;/b&gt;：高于 0.9，即单一来源主导该轮次），以及各来源使用的均匀程度（1 = 均匀，0 = 仅一个来源）。</translation>
    </message>
    <message>
        <source>Also list the measures that depend on corpus size or text length (distinct-n, vocabulary, duplicate, skeleton and nearest-neighbour rates, compression, self-BLEU, the embedding Vendi score, perplexity). Compare corpora with the controlled ones.</source>
        <translation>同时列出受语料规模或文本长度影响的指标（distinct-n、词汇量、重复率、骨架率和最近邻率、压缩率、self-BLEU、嵌入 Vendi 分数、困惑度）。比较语料时请使用经过控制的指标。</translation>
    </message>
    <message>
        <source>Delete the unreadable analysis run and its results. Samples, tags, decisions and notes are not touched; run the analyses again (Ctrl+R) for fresh results.</source>
        <translation>删除无法读取的分析运行及其结果。样本、标签、决定和备注不受影响；重新运行分析（Ctrl+R）即可获得新结果。</translation>
    </message>
    <message>
        <source>Drop Analysis</source>
        <translation>删除分析</translation>
    </message>
    <message>
        <source>Delete analysis run %1 and its results? Samples, tags, decisions and notes stay; the previous analysis, if any, becomes the newest. This cannot be undone.</source>
        <translation>删除分析运行 %1 及其结果？样本、标签、决定和备注将保留；之前的分析（如有）将成为最新分析。此操作无法撤销。</translation>
    </message>
    <message>
        <source>&lt;b&gt;All metrics&lt;/b&gt;, controlled for corpus size and text length — hover a row for what it measures and when to worry</source>
        <translation>&lt;b&gt;全部指标&lt;/b&gt;，已控制语料规模和文本长度 — 悬停在某行上可查看其衡量内容及何时需要警惕</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>No corpora yet. Import a real and a synthetic corpus (Ctrl+I).</source>
        <translation>尚无语料。请导入一个真实语料和一个合成语料（Ctrl+I）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>The %1 have not been analysed yet. Run the analyses (Ctrl+R) to analyse them.
%2 Ctrl+Alt+1 shows the whole texts again.</source>
        <translation>%1尚未分析。请运行分析（Ctrl+R）。
%2按 Ctrl+Alt+1 可重新显示全文。</translation>
    </message>
    <message>
        <source>Conversations and texts imported as prompts have prompts.</source>
        <translation>对话以及作为提示导入的文本包含提示。</translation>
    </message>
    <message>
        <source>Conversations, preference pairs and texts imported as responses have responses.</source>
        <translation>对话、偏好对以及作为回复导入的文本包含回复。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The newest analysis cannot be read:&lt;/b&gt; %1. Samples, tags and decisions are untouched; &lt;i&gt;Drop This Analysis&lt;/i&gt; removes the unreadable run.</source>
        <translation>&lt;b&gt;最新的分析无法读取：&lt;/b&gt;%1。样本、标签和决定未受影响；&lt;i&gt;删除此分析&lt;/i&gt;会移除这次无法读取的运行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;These results are out of date:&lt;/b&gt; corpora changed after the analysis of %1. Run the analyses again (Ctrl+R).</source>
        <translation>&lt;b&gt;这些结果已过期：&lt;/b&gt;%1 的分析之后语料已有变动。请重新运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Analysed %1 (run %2).</source>
        <translation>分析于 %1（运行 %2）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%3 only&lt;/b&gt;: analysed %1 (run %2); corpora without %4 are not in this view.</source>
        <translation>&lt;b&gt;仅%3&lt;/b&gt;：分析于 %1（运行 %2）；不含%4的语料不在此视图中。</translation>
    </message>
    <message>
        <source>Samples: real / synthetic</source>
        <translation>样本：真实 / 合成</translation>
    </message>
    <message>
        <source>Samples on each side of the pooled comparison (every real corpus against every synthetic one); the cards show the pooled values.</source>
        <translation>合并比较中每侧的样本数（所有真实语料对比所有合成语料）；卡片显示合并后的数值。</translation>
    </message>
    <message>
        <source>Corpora</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Import both a real and a synthetic corpus to compare them.</source>
        <translation>请同时导入真实语料和合成语料以进行比较。</translation>
    </message>
    <message>
        <source>%1 · %2 · passes at %3 (%4 rule)</source>
        <translation>%1 · %2 · 通过条件 %3（%4规则）</translation>
    </message>
    <message>
        <source>OUT OF DATE</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ProjectPanel</name>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Mark as &amp;Synthetic</source>
        <translation>标记为合成(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Corpora&lt;/b&gt;</source>
        <translation>&lt;b&gt;语料&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a corpus from JSONL, JSON, CSV/TSV or text files (Ctrl+I)</source>
        <translation>从 JSONL、JSON、CSV/TSV 或文本文件导入语料（Ctrl+I）</translation>
    </message>
    <message>
        <source>Rename the selected corpus (F2); undoable</source>
        <translation>重命名所选语料（F2）；可撤销</translation>
    </message>
    <message>
        <source>Give the selected corpus the other role (Ctrl+Shift+R); undoable; the analyses go out of date</source>
        <translation>将所选语料改为另一种角色（Ctrl+Shift+R）；可撤销；分析结果将过期</translation>
    </message>
    <message>
        <source>Remove the selected corpus with its samples and the review work on them (Delete); asks first</source>
        <translation>移除所选语料及其样本和相关审阅记录（Delete）；操作前会先确认</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Rename, change the role of or remove the selected corpus</source>
        <translation>重命名所选语料、更改其角色或将其移除</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>No corpora yet.
Use Import… to add real and synthetic data.</source>
        <translation>尚无语料。
使用“导入…”添加真实数据和合成数据。</translation>
    </message>
    <message>
        <source>Mark as &amp;Real</source>
        <translation>标记为真实(&amp;R)</translation>
    </message>
    <message>
        <source>Rename Corpus</source>
        <translation>重命名语料</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>“%1” was not renamed: %2</source>
        <translation>未能重命名“%1”：%2</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>The role of “%1” was not changed: %2</source>
        <translation>未能更改“%1”的角色：%2</translation>
    </message>
    <message>
        <source>Remove Corpus</source>
        <translation>移除语料</translation>
    </message>
    <message>
        <source>Remove the corpus “%1”?</source>
        <translation>要移除语料“%1”吗？</translation>
    </message>
    <message>
        <source>This deletes its %1 samples and %2 rejected rows from the project.</source>
        <translation>这将从项目中删除其 %1 个样本和 %2 条拒收行。</translation>
    </message>
    <message>
        <source>The review work on them goes too: %1 tagged samples, %2 decisions and %3 notes (every reviewer&apos;s).</source>
        <translation>相关审阅记录也将一并删除：%1 个已加标签的样本、%2 项决定和 %3 条备注（包括所有审阅人的）。</translation>
    </message>
    <message>
        <source>%1 entries of saved review queues go; the queues keep their place.</source>
        <translation>已保存审阅队列中的 %1 个条目将被删除；各队列仍保留原有的阅读位置。</translation>
    </message>
    <message>
        <source>Its metrics in every analysis run go too (Trends lose it), and the analyses go out of date. This cannot be undone.</source>
        <translation>它在每次分析运行中的指标也将被删除（“趋势”中将不再包含它），且分析结果将过期。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected rows&lt;/b&gt;</source>
        <translation>&lt;b&gt;拒收行&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected rows&lt;/b&gt; of %1: none</source>
        <translation>%1 的&lt;b&gt;拒收行&lt;/b&gt;：无</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected rows&lt;/b&gt; of %1: %2</source>
        <translation>%1 的&lt;b&gt;拒收行&lt;/b&gt;：%2</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::ReviewView</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>show all %1 characters (F)</source>
        <translation>显示全部 %1 个字符（F）</translation>
    </message>
    <message>
        <source>show less (F)</source>
        <translation>收起（F）</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;margin: 2px 0;&quot;&gt;&lt;i&gt;(no text: a tool call)&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;margin: 2px 0;&quot;&gt;&lt;i&gt;（无文本：工具调用）&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Only unreviewed</source>
        <translation>仅未审阅</translation>
    </message>
    <message>
        <source>Most synthetic-looking first</source>
        <translation>合成相似度高的优先</translation>
    </message>
    <message>
        <source>Next after keep/drop</source>
        <translation>保留/舍弃后跳到下一个</translation>
    </message>
    <message>
        <source>Save as Queue…</source>
        <translation>另存为队列…</translation>
    </message>
    <message>
        <source>Keep (K)</source>
        <translation>保留（K）</translation>
    </message>
    <message>
        <source>Drop (D)</source>
        <translation>舍弃（D）</translation>
    </message>
    <message>
        <source>Which samples to review</source>
        <translation>要审阅的样本</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>已作答 %v / %m</translation>
    </message>
    <message>
        <source>Samples of this saved queue you have answered (tag, decision or note); the queue reopens where you stopped.</source>
        <translation>此已保存队列中已作答（标签、决定或备注）的样本；再次打开队列时将从上次停下的位置继续。</translation>
    </message>
    <message>
        <source>Keep the samples listed now as a named queue that remembers your progress</source>
        <translation>将当前列出的样本保存为命名队列，并记住审阅进度</translation>
    </message>
    <message>
        <source>Record (O)</source>
        <translation>原始记录（O）</translation>
    </message>
    <message>
        <source>Show the record this sample was imported from, with all its fields (O)</source>
        <translation>显示此样本导入时的原始记录及其全部字段（O）</translation>
    </message>
    <message>
        <source>Keep this sample for training (K); press again to clear (U)</source>
        <translation>保留此样本用于训练（K）；再按一次则清除（U）</translation>
    </message>
    <message>
        <source>Drop this sample from training (D); press again to clear (U)</source>
        <translation>从训练数据中舍弃此样本（D）；再按一次则清除（U）</translation>
    </message>
    <message>
        <source>Note — what feels wrong? (Enter saves; Esc returns to the keys)</source>
        <translation>备注 — 哪里不对劲？（Enter 保存；Esc 返回按键操作）</translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ 上一个（P）</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>下一个（N）▶</translation>
    </message>
    <message>
        <source>Sample…</source>
        <translation>抽样…</translation>
    </message>
    <message>
        <source>Draw a stratified, seeded (optionally risk-weighted) review queue (Ctrl+Shift+Q)</source>
        <translation>抽取分层、带种子（可选按风险加权）的审阅队列（Ctrl+Shift+Q）</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>审阅：</translation>
    </message>
    <message>
        <source>Keys in Review</source>
        <translation>审阅快捷键</translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>toggle the tag with that number</source>
        <translation>切换对应编号的标签</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>keep the sample for training</source>
        <translation>保留该样本用于训练</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>drop it</source>
        <translation>舍弃该样本</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>clear the decision</source>
        <translation>清除决定</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>write a note (Enter saves and returns to the keys, Esc too)</source>
        <translation>写备注（Enter 保存并返回按键操作，Esc 亦可）</translation>
    </message>
    <message>
        <source>N or →</source>
        <translation>N 或 →</translation>
    </message>
    <message>
        <source>next sample</source>
        <translation>下一个样本</translation>
    </message>
    <message>
        <source>P or ←</source>
        <translation>P 或 ←</translation>
    </message>
    <message>
        <source>previous sample</source>
        <translation>上一个样本</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>show or hide the record the sample came from, all its fields</source>
        <translation>显示或隐藏样本的原始记录（含全部字段）</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>unfold or fold a conversation&apos;s long system prompt</source>
        <translation>展开或折叠对话中较长的系统提示</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>undo the last answer</source>
        <translation>撤销上一次作答</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>sample a review queue (stratified, seeded, risk-weighted)</source>
        <translation>抽取审阅队列（分层、带种子、按风险加权）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>move between the queue, the sample, its neighbours and the note</source>
        <translation>在队列、样本、其最近邻和备注之间切换</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>show or hide these keys</source>
        <translation>显示或隐藏此快捷键列表</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>All synthetic samples</source>
        <translation>全部合成样本</translation>
    </message>
    <message>
        <source>All real samples</source>
        <translation>全部真实样本</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Nothing to review yet. Import a real and a synthetic corpus (Ctrl+I).</source>
        <translation>暂无可审阅的内容。请导入一个真实语料和一个合成语料（Ctrl+I）。</translation>
    </message>
    <message>
        <source>No samples match</source>
        <translation>没有匹配的样本</translation>
    </message>
    <message>
        <source>Every sample here has been reviewed.</source>
        <translation>此处的所有样本均已审阅。</translation>
    </message>
    <message>
        <source>No samples match this filter.</source>
        <translation>没有符合此筛选条件的样本。</translation>
    </message>
    <message>
        <source>Queue: %1 (%2 of %3 answered)</source>
        <translation>队列：%1（已作答 %2/%3）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Sample a queue</source>
        <translation>抽取队列</translation>
    </message>
    <message>
        <source>Unreviewed %1 (%2), risk-weighted</source>
        <translation>未审阅的%1样本（%2），按风险加权</translation>
    </message>
    <message>
        <source>Save as Queue</source>
        <translation>另存为队列</translation>
    </message>
    <message>
        <source>Queue name:</source>
        <translation>队列名称：</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>sample #%1, %2 line %3</source>
        <translation>样本 #%1，%2 第 %3 行</translation>
    </message>
    <message>
        <source>label &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>类别标签 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>skeleton group %1</source>
        <translation>骨架组 %1</translation>
    </message>
    <message>
        <source>recurring template %1</source>
        <translation>重复模板 %1</translation>
    </message>
    <message>
        <source>recurring template %1 (+%2 more)</source>
        <translation>重复模板 %1（另有 %2 个）</translation>
    </message>
    <message>
        <source>“%1”  z %2; samples: %3 synthetic, %4 real
</source>
        <translation>“%1”  z %2；样本：合成 %3 个，真实 %4 个
</translation>
    </message>
    <message>
        <source>Recurring templates (Skeletons view) in this sample:
</source>
        <translation>此样本中的重复模板（“骨架”视图）：
</translation>
    </message>
    <message>
        <source>perplexity %1</source>
        <translation>困惑度 %1</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>簇 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;duplicate group %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;重复组 %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>nearest in own corpus %1</source>
        <translation>本语料内最近邻 %1</translation>
    </message>
    <message>
        <source>synthetic-likeness %1</source>
        <translation>合成相似度 %1</translation>
    </message>
    <message>
        <source>gave no verdict</source>
        <translation>未给出判定</translation>
    </message>
    <message>
        <source>called it a tie</source>
        <translation>判为平局</translation>
    </message>
    <message>
        <source>&lt;b&gt;preferred this output&lt;/b&gt;</source>
        <translation>&lt;b&gt;更偏好此输出&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;preferred the other output&lt;/b&gt;</source>
        <translation>&lt;b&gt;更偏好另一个输出&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prompt&lt;/b&gt;: %1&lt;br&gt;</source>
        <translation>&lt;b&gt;提示&lt;/b&gt;：%1&lt;br&gt;</translation>
    </message>
    <message>
        <source>The %1 output of a preference pair; the judge %2.</source>
        <translation>偏好对中的%1个输出；评判模型%2。</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一</translation>
    </message>
    <message>
        <source>second</source>
        <translation>第二</translation>
    </message>
    <message>
        <source>&lt;b&gt;The other output&lt;/b&gt; of the pair (#%1%2): the judge %3.</source>
        <translation>该偏好对中的&lt;b&gt;另一个输出&lt;/b&gt;（#%1%2）：评判模型%3。</translation>
    </message>
    <message>
        <source>preferred the sample on the left</source>
        <translation>更偏好左侧的样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;preferred this one&lt;/b&gt;</source>
        <translation>&lt;b&gt;更偏好这一个&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest real samples&lt;/b&gt; (embedding cosine)</source>
        <translation>&lt;b&gt;最近的真实样本&lt;/b&gt;（嵌入余弦相似度）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neighbours&lt;/b&gt; are found for synthetic samples.</source>
        <translation>仅为合成样本查找&lt;b&gt;最近邻&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No real neighbours&lt;/b&gt; (run the analyses, Ctrl+R, with a real corpus in the project).</source>
        <translation>&lt;b&gt;无真实最近邻&lt;/b&gt;（请在项目中包含真实语料后运行分析，Ctrl+R）。</translation>
    </message>
    <message>
        <source>Sample #%1</source>
        <translation>样本 #%1</translation>
    </message>
    <message>
        <source>Other reviewers — %1</source>
        <translation>其他审阅人 — %1</translation>
    </message>
    <message>
        <source>Toggle “%1” (key %2)</source>
        <translation>切换“%1”（按键 %2）</translation>
    </message>
    <message>
        <source>&lt;b&gt;No neighbours yet&lt;/b&gt;: the part shown is not analysed (Ctrl+R).</source>
        <translation>&lt;b&gt;尚无最近邻&lt;/b&gt;：所显示的部分尚未分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest real samples&lt;/b&gt; (embedding cosine; approximate: on a project this large an HNSW index found them and may have missed closer ones)</source>
        <translation>&lt;b&gt;最近的真实样本&lt;/b&gt;（嵌入余弦相似度；近似结果：由于项目规模较大，由 HNSW 索引查找，可能漏掉更近的样本）</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::SampleQueueDialog</name>
    <message>
        <source>Risk-weighted: riskier strata are read more densely</source>
        <translation>按风险加权：风险越高的层抽样越密</translation>
    </message>
    <message>
        <source>Sample a Review Queue</source>
        <translation>抽取审阅队列</translation>
    </message>
    <message>
        <source>Synthetic samples</source>
        <translation>合成样本</translation>
    </message>
    <message>
        <source>Real samples</source>
        <translation>真实样本</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source> samples</source>
        <translation> 个样本</translation>
    </message>
    <message>
        <source>The same seed draws the same queue from the same project.</source>
        <translation>在同一项目中，相同的种子会抽出相同的队列。</translation>
    </message>
    <message>
        <source>A stratum&apos;s risk is the mean synthetic-likeness of its samples (detectability model of the newest analysis), or its synthetic share; its sampling rate is proportional to 1 + 4 × risk.</source>
        <translation>某一层的风险为其样本的平均合成相似度（取自最新一次分析的可检测性模型），或其合成占比；其抽样率与 1 + 4 × 风险 成正比。</translation>
    </message>
    <message>
        <source>Draws a seeded sample in proportion to each stratum&apos;s size, so every part of the data is seen; with risk weighting, riskier strata are read more densely.</source>
        <translation>按各层规模成比例地抽取带种子的样本，确保数据的每个部分都能被看到；启用风险加权时，风险越高的层抽样越密。</translation>
    </message>
    <message>
        <source>&amp;Stratify by:</source>
        <translation>分层依据(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>范围(&amp;F)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>数量(&amp;Z)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Draw queue</source>
        <translation>抽取队列</translation>
    </message>
    <message>
        <source>%1 by %2%3, seed %4</source>
        <translation>%1，按%2分层%3，种子 %4</translation>
    </message>
    <message>
        <source>, risk-weighted</source>
        <translation>，按风险加权</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::SamplesView</name>
    <message>
        <source>Only &amp;my answers</source>
        <translation>仅我的作答(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Review these</source>
        <translation>审阅这些样本(&amp;R)</translation>
    </message>
    <message>
        <source>Search sample texts (Ctrl+F): words, &quot;a phrase&quot;, prefix*, AND, OR, NOT</source>
        <translation>搜索样本文本（Ctrl+F）：词语、&quot;短语&quot;、前缀*、AND、OR、NOT</translation>
    </message>
    <message>
        <source>SQLite FTS5 full-text search, the syntax of note search. Case and accents are ignored; Enter searches at once.</source>
        <translation>SQLite FTS5 全文搜索，语法与备注搜索相同。忽略大小写和重音符号；按 Enter 立即搜索。</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>任意角色</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>任意决定</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已舍弃</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Tags and decisions count only when you gave them; alone: the samples you answered</source>
        <translation>仅计入本人给出的标签和决定；单独使用时：显示本人作答过的样本</translation>
    </message>
    <message>
        <source>Synthetic-likeness ≥ </source>
        <translation>合成相似度 ≥ </translation>
    </message>
    <message>
        <source>Synthetic-likeness: any</source>
        <translation>合成相似度：任意</translation>
    </message>
    <message>
        <source>Out-of-fold probability that a sample is synthetic (newest analysis). A real sample above 0.5 reads like the generator.</source>
        <translation>样本为合成的折外（out-of-fold）概率（最新一次分析）。高于 0.5 的真实样本读起来像生成器的输出。</translation>
    </message>
    <message>
        <source>Open the matches (or the selected rows) as a review queue</source>
        <translation>将匹配结果（或所选行）作为审阅队列打开</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>All corpora</source>
        <translation>全部语料</translation>
    </message>
    <message>
        <source>Cluster %1 · %2</source>
        <translation>簇 %1 · %2</translation>
    </message>
    <message>
        <source>Clusters: analyse first</source>
        <translation>簇：请先分析</translation>
    </message>
    <message>
        <source>Any cluster</source>
        <translation>任意簇</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>No samples yet. Import a corpus (Ctrl+I) to search it.</source>
        <translation>尚无样本。导入语料（Ctrl+I）后即可搜索。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>(the table still shows the last search)</source>
        <translation>（表格仍显示上一次搜索的结果）</translation>
    </message>
    <message>
        <source>%1 samples · %2 ms</source>
        <translation>%1 个样本 · %2 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; matching samples · %2 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 个匹配样本 · %2 ms</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Review %Ln selected</source>
        <translation>
            <numerusform>审阅所选的 %Ln 个样本(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample table</source>
        <translation>样本表</translation>
    </message>
    <message>
        <source>Search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n selected</source>
        <translation>
            <numerusform>%1：已选 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n samples)</source>
        <translation>
            <numerusform>%1（%n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source>Show on ma&amp;p</source>
        <translation>在簇图中显示(&amp;P)</translation>
    </message>
    <message>
        <source>Show the matches (or the selected rows) on the cluster map, the other samples faded, and select them there</source>
        <translation>在簇图中显示匹配的样本（或所选行），其他样本淡化，并在图中选中它们</translation>
    </message>
    <message>
        <source>Selected rows</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source>&lt;b&gt;No sample&lt;/b&gt; matches this search and these filters · %1 ms</source>
        <translation>&lt;b&gt;没有样本&lt;/b&gt;符合此搜索和这些筛选条件 · %1 ms</translation>
    </message>
    <message>
        <source>S&amp;imilar</source>
        <translation>相似(&amp;I)</translation>
    </message>
    <message>
        <source>Rank every sample by cosine similarity to the text in the search box (the analyses&apos; embeddings endpoint when they use one, else the built-in TF-IDF and SVD embedding) and review the closest 200</source>
        <translation>按与搜索框中文本的余弦相似度为每个样本排序（分析使用嵌入端点时用该端点，否则用内置的 TF-IDF 与 SVD 嵌入），并审阅最接近的 200 个</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::SkeletonsView</name>
    <message>
        <source>Review this group</source>
        <translation>审阅此组</translation>
    </message>
    <message>
        <source>Show short replies</source>
        <translation>显示简短回复</translation>
    </message>
    <message>
        <source>Groups whose skeleton is shorter than six tokens or holds nothing but placeholders and punctuation (&quot;&lt;@&gt; &lt;URL&gt;&quot;, a one-word answer): they coincide by chance, not because a mould made them.</source>
        <translation>骨架短于六个词元，或仅含占位符和标点（如 &quot;&lt;@&gt; &lt;URL&gt;&quot;、单词回答）的组：它们只是偶然相同，并非出自同一模子。</translation>
    </message>
    <message>
        <source>Open the group&apos;s samples as a review queue</source>
        <translation>将该组的样本作为审阅队列打开</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recurring templates&lt;/b&gt; (skeleton 6-grams; samples containing each, leaning synthetic first)</source>
        <translation>&lt;b&gt;重复模板&lt;/b&gt;（骨架 6-gram；包含各模板的样本数，偏向合成的排在前面）</translation>
    </message>
    <message>
        <source>Six skeleton tokens that recur across samples (Shaib et al. 2024, on skeletons). z is the weighted log-odds z-score of the samples containing it, synthetic against real (Monroe et al. 2008): the higher, the more surely it leans synthetic (an order, not a p-value). Long answers that never share a whole skeleton still share these.</source>
        <translation>在多个样本中反复出现的 6 个连续骨架词元（Shaib et al. 2024，关于骨架）。z 是包含该模板的样本在合成与真实之间的加权对数几率 z 分数（Monroe et al. 2008）：值越高，越确定偏向合成（仅表示排序，并非 p 值）。从不共享完整骨架的长回答，仍会共享这些模板。</translation>
    </message>
    <message>
        <source>Select a template to see samples that contain it</source>
        <translation>选择一个模板以查看包含它的样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recurring openings&lt;/b&gt; (first three tokens)</source>
        <translation>&lt;b&gt;重复开头&lt;/b&gt;（前三个词元）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recurring closings&lt;/b&gt; (last three tokens)</source>
        <translation>&lt;b&gt;重复结尾&lt;/b&gt;（最后三个词元）</translation>
    </message>
    <message>
        <source>A skeleton keeps function words, punctuation and markup (&lt;LI&gt; list item, ⏎ line break) and masks content (&lt;W&gt; word, &lt;NAME&gt;, &lt;NUM&gt;, &lt;URL&gt;, &lt;@&gt; handle). A group is a mould: samples whose skeletons share their six-token windows, whatever words fill them and however long they are. Its title shows what most members share, “…” for the rest.</source>
        <translation>骨架保留虚词、标点和标记（&lt;LI&gt; 列表项，⏎ 换行），并遮蔽实义内容（&lt;W&gt; 词，&lt;NAME&gt;、&lt;NUM&gt;、&lt;URL&gt;，&lt;@&gt; 用户名）。一个组即一个模子：其中样本的骨架共享相同的六词元窗口，无论填入什么词、长度如何。组标题显示多数成员共有的部分，其余部分以“…”表示。</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Show short replies (1 group)</source>
        <translation>显示简短回复（1 个组）</translation>
    </message>
    <message>
        <source>Show short replies (%1 groups)</source>
        <translation>显示简短回复（%1 个组）</translation>
    </message>
    <message>
        <source>No two samples share a skeleton.</source>
        <translation>没有任何两个样本共享同一骨架。</translation>
    </message>
    <message>
        <source>Every group is a short reply: tick Show short replies.</source>
        <translation>所有组均为简短回复：请勾选“显示简短回复”。</translation>
    </message>
    <message>
        <source>mould</source>
        <translation>模子</translation>
    </message>
    <message>
        <source>short reply</source>
        <translation>简短回复</translation>
    </message>
    <message>
        <source>skeleton</source>
        <translation>骨架</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; (%2): %3 samples (%4 real, %5 synthetic)&lt;br&gt;&lt;code&gt;%6&lt;/code&gt;</source>
        <translation>&lt;b&gt;组 %1&lt;/b&gt;（%2）：%3 个样本（真实 %4 个，合成 %5 个）&lt;br&gt;&lt;code&gt;%6&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Highlighted: the content the skeleton masks. Plain: the shared structure.</source>
        <translation>高亮：骨架遮蔽的内容。普通：共享的结构。</translation>
    </message>
    <message>
        <source>&lt;p&gt;… and %1 more; review the group to see them all.&lt;/p&gt;</source>
        <translation>&lt;p&gt;… 另有 %1 个；审阅该组即可查看全部。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Template&lt;/b&gt; in %1 synthetic and %2 real samples (z = %3)&lt;br&gt;&lt;code&gt;%4&lt;/code&gt;</source>
        <translation>&lt;b&gt;模板&lt;/b&gt;出现在 %1 个合成样本和 %2 个真实样本中（z = %3）&lt;br&gt;&lt;code&gt;%4&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Bold and underlined: the template in each sample. Highlighted: the content the skeleton masks.</source>
        <translation>粗体加下划线：各样本中的模板。高亮：骨架遮蔽的内容。</translation>
    </message>
    <message>
        <source>&lt;p&gt;No examples stored: run the analyses again to see them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;未存储示例：请重新运行分析以查看。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::TagSetDialog</name>
    <message>
        <source>Tag set</source>
        <translation>标签集</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Double-click a tag (or press F2) to rename it. Tags 1–9 are the Review hotkeys. Ctrl+Z undoes a change.</source>
        <translation>双击标签（或按 F2）可重命名。标签 1–9 对应“审阅”中的快捷键。按 Ctrl+Z 可撤销更改。</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Remove “%1” and every use of it, by every reviewer? Edit → Undo puts it back.</source>
        <translation>要移除“%1”，并撤下所有审阅人打上的这一标签吗？可通过“编辑 → 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::TeamView</name>
    <message>
        <source>Train concept</source>
        <translation>训练概念</translation>
    </message>
    <message>
        <source>Review these</source>
        <translation>审阅这些样本</translation>
    </message>
    <message>
        <source>Per tag, each reviewer&apos;s answer on a sample is “tagged” or “not tagged”; keep / drop compares decisions. Cohen&apos;s κ (1960) corrects the observed agreement for chance for two reviewers; Krippendorff&apos;s α (2011, nominal) does so for any number, with missing answers. Below 0.4 the tag means different things to different people: rewrite its definition before trusting its rate.</source>
        <translation>对每个标签，每位审阅人对某个样本的作答为“已加标签”或“未加标签”；保留 / 舍弃则比较决定。Cohen&apos;s κ（1960）针对两位审阅人，对观测一致性做机会校正；Krippendorff&apos;s α（2011，名义尺度）适用于任意人数，并允许作答缺失。低于 0.4 说明该标签对不同的人含义不同：请先改写其定义，再信任其标签率。</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Tag rate by:</source>
        <translation>标签率分组：</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Share of the reviewed samples of each group that any reviewer tagged; deeper red is a higher rate. Compare a generator&apos;s or a round&apos;s row with the others to see where a complaint concentrates.</source>
        <translation>各组已审阅样本中被任一审阅人加上该标签的占比；红色越深，比率越高。将某个生成器或轮次的行与其他行对比，可看出问题集中在哪里。</translation>
    </message>
    <message>
        <source>Tag rates</source>
        <translation>标签率</translation>
    </message>
    <message>
        <source>Search notes (SQLite FTS5: words, &quot;a phrase&quot;, prefix*, AND / OR / NOT) — empty shows notes grouped by wording</source>
        <translation>搜索备注（SQLite FTS5：词语、&quot;短语&quot;、前缀*、AND / OR / NOT）— 留空则按措辞分组显示备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>More like this tag:</source>
        <translation>与此标签相似的样本：</translation>
    </message>
    <message>
        <source>A concept is a logistic regression on the embeddings: the samples reviewers tagged are its positives, the samples they reviewed without the tag its negatives. It ranks the unreviewed samples so you read the likeliest first. Trust it only when its cross-validated precision and recall are high.</source>
        <translation>概念是基于嵌入的逻辑回归：审阅人加了该标签的样本为正例，审阅过但未加该标签的样本为负例。它对未审阅的样本排序，让最可能符合的样本排在前面。仅当其交叉验证的精确率和召回率都较高时才可信赖。</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>查找相似</translation>
    </message>
    <message>
        <source>Sample #%1</source>
        <translation>样本 #%1</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Cannot compute agreement: %1</source>
        <translation>无法计算一致性：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No sample has answers from two reviewers yet.&lt;/b&gt; Reviewers so far: %1. Agreement needs overlap: draw the same sampled queue (Review → Sample…, same seed) under two reviewer names (Edit → Reviewer Name…).</source>
        <translation>&lt;b&gt;尚无样本同时有两位审阅人的作答。&lt;/b&gt;目前的审阅人：%1。计算一致性需要重叠：请分别以两个审阅人姓名（编辑 → 审阅人姓名…）抽取同一个审阅队列（审阅 → 抽样…，使用相同种子）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 reviewers&lt;/b&gt; (%2) · %3 samples answered by two or more</source>
        <translation>&lt;b&gt;%1 位审阅人&lt;/b&gt;（%2）· %3 个样本有两位或以上审阅人作答</translation>
    </message>
    <message>
        <source>Run the analyses first (Ctrl+R).</source>
        <translation>请先运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>No reviewed samples yet</source>
        <translation>尚无已审阅的样本</translation>
    </message>
    <message>
        <source>“%1” rate by %2 (%)</source>
        <translation>按%2统计的“%1”标签率（%）</translation>
    </message>
    <message>
        <source>No notes yet. Notes typed in Review appear here, grouped by wording.</source>
        <translation>尚无备注。在“审阅”中输入的备注会按措辞分组显示在此处。</translation>
    </message>
    <message>
        <source>%1; %2 of similar wording (TF-IDF cosine ≥ 0.35) — recurring complaints come first. Double-click to open the sample.</source>
        <translation>%1；按措辞相似度（TF-IDF 余弦 ≥ 0.35）分为 %2 — 反复出现的问题排在前面。双击可打开样本。</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条备注</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 条备注</translation>
    </message>
    <message>
        <source>1 group</source>
        <translation>1 个组</translation>
    </message>
    <message>
        <source>%1 groups</source>
        <translation>%1 个组</translation>
    </message>
    <message>
        <source>%1 notes match, best first.</source>
        <translation>%1 条备注匹配，最佳匹配在前。</translation>
    </message>
    <message>
        <source>More like “%1”</source>
        <translation>与“%1”相似的样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1”&lt;/b&gt; learnt from %2 tagged and %3 untagged reviewed samples. 5-fold cross-validated precision &lt;b&gt;%4&lt;/b&gt;, recall &lt;b&gt;%5&lt;/b&gt;, ROC-AUC %6. %7</source>
        <translation>&lt;b&gt;“%1”&lt;/b&gt;基于 %2 个已加标签和 %3 个未加标签的已审阅样本训练得到。5 折交叉验证精确率 &lt;b&gt;%4&lt;/b&gt;，召回率 &lt;b&gt;%5&lt;/b&gt;，ROC-AUC %6。%7</translation>
    </message>
    <message>
        <source>The top of this list is worth reading first.</source>
        <translation>此列表靠前的样本值得优先阅读。</translation>
    </message>
    <message>
        <source>Weak: tag more examples before relying on this ranking.</source>
        <translation>较弱：请先为更多示例加标签，再依赖此排序。</translation>
    </message>
</context>
<context>
    <name>synthscope::widgets::TrendsView</name>
    <message>
        <source>real vs real (null, mean ± 3 sd)</source>
        <translation>真实 vs 真实（无差异对照，均值 ± 3 sd）</translation>
    </message>
    <message>
        <source>Import Ratio-Gradient Results…</source>
        <translation>导入比例梯度结果…</translation>
    </message>
    <message>
        <source>Analysis run</source>
        <translation>分析运行</translation>
    </message>
    <message>
        <source>A CSV or JSON of training runs: synth_ratio and one column per evaluation metric (main, long-tail, robustness…), as in chapter 17&apos;s Listing 17-2</source>
        <translation>训练运行结果的 CSV 或 JSON 文件：包含 synth_ratio 列，每个评估指标各占一列（主集、长尾、鲁棒性…），格式同第 17 章的代码清单 17-2</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>against:</source>
        <translation>对比：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Synthetic-ratio gradient&lt;/b&gt;</source>
        <translation>&lt;b&gt;合成比例梯度&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open or create a project (File menu) to begin.</source>
        <translation>请先打开或新建项目（“文件”菜单）。</translation>
    </message>
    <message>
        <source>Not analysed yet. Import corpora with their round, generator or template version (Import → provenance) and run the analyses (Ctrl+R).</source>
        <translation>尚未分析。请在导入语料时填写其轮次、生成器或模板版本（导入 → 来源），然后运行分析（Ctrl+R）。</translation>
    </message>
    <message>
        <source>%1 (each synthetic corpus vs real)</source>
        <translation>%1（各合成语料 vs 真实）</translation>
    </message>
    <message>
        <source>%1 (pooled real vs synthetic)</source>
        <translation>%1（合并的真实 vs 合成）</translation>
    </message>
    <message>
        <source>No synthetic corpus has a value of “%1” for this metric</source>
        <translation>此指标下没有任何合成语料具有“%1”值</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（按%2）</translation>
    </message>
    <message>
        <source>No ratio-gradient experiment imported</source>
        <translation>尚未导入比例梯度实验</translation>
    </message>
    <message>
        <source>Train at several synthetic ratios (0 %, 10 %, 30 %, 50 %, 70 %…), evaluate each on the same main, long-tail and robustness sets, and import the table: the curve&apos;s shape, not any single point, shows where gains taper and risk begins.</source>
        <translation>以多个合成比例（0 %、10 %、30 %、50 %、70 %…）分别训练，在相同的主集、长尾集和鲁棒性集上评估每个模型，然后导入结果表：能说明收益在何处趋缓、风险从何处开始的是曲线的形状，而非任何单个点。</translation>
    </message>
    <message>
        <source>Evaluation metrics by synthetic share of the training mix</source>
        <translation>评估指标随训练混合数据中合成占比的变化</translation>
    </message>
    <message>
        <source>synthetic ratio</source>
        <translation>合成比例</translation>
    </message>
    <message>
        <source>inflection point</source>
        <translation>拐点</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; bends at ratio %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 在比例 %2 处出现拐点</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no inflection</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 无拐点</translation>
    </message>
    <message>
        <source>From %1. Inflection point: where the slope falls the most (gains taper or losses begin; higher is taken as better). %2.</source>
        <translation>来自 %1。拐点：斜率下降最多之处（收益趋缓或开始出现损失；默认数值越高越好）。%2。</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Import ratio-gradient results</source>
        <translation>导入比例梯度结果</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.json *.jsonl);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.json *.jsonl);;所有文件 (*)</translation>
    </message>
</context>
</TS>
