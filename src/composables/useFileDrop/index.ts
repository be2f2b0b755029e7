/**
 * Drag-and-drop of files/folders anywhere on the page. The drop handler calls onDrop
 * synchronously with the DataTransfer (folders can only be walked from inside the event).
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export interface UseFileDropOptions {
  onDrop: (dt: DataTransfer) => void
  /** Ignore drops while this is true (e.g. a load is running). */
  disabled?: Ref<boolean>
}

export interface UseFileDropReturn {
  /** True while files are dragged over the window. */
  dragging: Ref<boolean>
}

const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files')

export function useFileDrop({ onDrop, disabled }: UseFileDropOptions): UseFileDropReturn {
  const dragging = ref(false)
  // dragenter/dragleave fire for every child element: count them to know when we really left.
  let depth = 0

  const enter = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth++
    dragging.value = !disabled?.value
  }
  const over = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    e.preventDefault() // required, or the browser opens the file instead of dropping it
    if (e.dataTransfer) e.dataTransfer.dropEffect = disabled?.value ? 'none' : 'copy'
  }
  const leave = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  const drop = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth = 0
    dragging.value = false
    if (!disabled?.value && e.dataTransfer) onDrop(e.dataTransfer)
  }

  onMounted(() => {
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', enter)
    window.removeEventListener('dragover', over)
    window.removeEventListener('dragleave', leave)
    window.removeEventListener('drop', drop)
  })
  return { dragging }
}
