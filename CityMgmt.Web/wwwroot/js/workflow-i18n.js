// Chinese labels for the bpmn-js palette, context pad and replace menu (only the elements we support
// are offered; the rest keep a translation so a warning names them in Chinese).
window.cityMgmtBpmnZh = {
  'Activate hand tool': '抓手工具', 'Activate lasso tool': '框选工具',
  'Activate create/remove space tool': '插入/删除空间', 'Activate global connect tool': '连线工具',
  'Create start event': '开始事件', 'Create end event': '结束事件', 'Create task': '任务',
  'Create gateway': '网关', 'Create intermediate/boundary event': '中间/边界事件',
  'Create expanded sub-process': '子流程（不支持）', 'Create pool/participant': '泳池（不支持）',
  'Create data object reference': '数据对象（不支持）', 'Create data store reference': '数据存储（不支持）',
  'Create group': '分组', 'Append task': '追加任务', 'Append end event': '追加结束事件',
  'Append gateway': '追加网关', 'Append intermediate/boundary event': '追加中间事件',
  'Append text annotation': '追加注释', 'Add text annotation': '添加注释',
  'Connect to other element': '连接到其他元素', 'Connect using association': '关联连接',
  'Change element': '更改类型', 'Delete': '删除', 'Search in diagram': '在图中搜索',
  'Toggle non-interrupting': '切换非中断', 'Align elements': '对齐', 'Distribute elements horizontally': '水平分布',
  'Distribute elements vertically': '垂直分布',
  'Start event': '开始事件', 'End event': '结束事件', 'Terminate end event': '终止结束事件',
  'Task': '任务', 'User task': '人工任务', 'Service task': '服务任务', 'Send task': '发送任务（不支持）',
  'Receive task': '接收任务（不支持）', 'Manual task': '手工任务（不支持）', 'Script task': '脚本任务（不支持）',
  'Business rule task': '业务规则任务（不支持）', 'Call activity': '调用活动（不支持）',
  'Exclusive gateway': '排他网关', 'Parallel gateway': '并行网关', 'Inclusive gateway': '包容网关（不支持）',
  'Complex gateway': '复杂网关（不支持）', 'Event-based gateway': '事件网关（不支持）',
  'Sequence flow': '顺序流', 'Default flow': '默认流', 'Conditional flow': '条件流',
  'Timer boundary event': '定时边界事件（中断）', 'Timer boundary event (non-interrupting)': '定时边界事件（不中断）',
  'Boundary event': '边界事件', 'Sub-process': '子流程（不支持）', 'Intermediate throw event': '中间事件（不支持）',
  'Sub-process (collapsed)': '子流程（不支持）', 'Sub-process (expanded)': '子流程（不支持）',
  'Loop': '循环（不支持）', 'Parallel multi-instance': '并行多实例（不支持）', 'Sequential multi-instance': '串行多实例（不支持）'
};
